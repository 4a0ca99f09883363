export { AccessChecker } from './access.js';
export { accessRepository, type RegistrationFacts, type SessionFacts, type WorkshopFacts } from './access.repository.js';
export { allows, type Permission, permissions, seenByEveryone } from './permissions.js';
