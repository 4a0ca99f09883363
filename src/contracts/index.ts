export * from './channels.js';
export * from './checklists.js';
export * from './common.js';
export * from './people.js';
export * from './registrations.js';
export * from './search.js';
export * from './sessions.js';
export * from './workshops.js';
