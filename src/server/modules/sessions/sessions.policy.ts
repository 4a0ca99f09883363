// Who may see a session's video link is decided once, in the contracts, because the
// notifications module (mails, calendars, the feed) must decide exactly as the session API does.
export { maySeeVideoLink, type SessionViewer, videoLinkFor } from '../../../contracts/index.js';
