import analytics from './analytics/index.js';
import audit from './audit/index.js';
import auth from './auth/index.js';
import calendar from './calendar/index.js';
import catalog from './catalog/index.js';
import channels from './channels/index.js';
import checklists from './checklists/index.js';
import feedback from './feedback/index.js';
import email from './integrations/email/index.js';
import slack from './integrations/slack/index.js';
import webhooks from './integrations/webhooks/index.js';
import notifications from './notifications/index.js';
import people from './people/index.js';
import registrations from './registrations/index.js';
import requests from './requests/index.js';
import scim from './scim/index.js';
import sessions from './sessions/index.js';
import team from './team/index.js';
import workshops from './workshops/index.js';

/** Every module of Lyceum; each registers its own routes, jobs and deliverers, in any order. */
export const modules = [
  auth,
  people,
  scim,
  workshops,
  sessions,
  catalog,
  registrations,
  checklists,
  feedback,
  analytics,
  audit,
  channels,
  requests,
  team,
  notifications,
  email,
  slack,
  webhooks,
  calendar,
];
