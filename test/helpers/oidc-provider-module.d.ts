// oidc-provider ships no types; the tests use it only through test/helpers/oidc-provider.ts.
declare module 'oidc-provider';
declare module 'oidc-provider/lib/adapters/memory_adapter.js';
