import { lyceumModule } from '../../module.js';
import { channelsRoutes } from './channels.routes.js';

/** Channels the education team curates, follows, and recommendations. */
export default lyceumModule('channels', ['channels', 'recommendations'], (app, { container }) => {
  channelsRoutes(app, container.channels, container.recommendations);
});
