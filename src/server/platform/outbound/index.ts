export { createAddressPolicy, invalidNetwork } from './address-policy.js';
export { createOutbound, type Outbound, OutboundFailed, OutboundRefused, type OutboundResponse } from './client.js';
export { assertPublicDestination } from './destination.js';
