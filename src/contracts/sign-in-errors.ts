/**
 * Why a single sign-on was refused: the server sends the browser to `/sign-in?error=<code>` and the
 * sign-in page says, for each code, what happened and what to do. One list, so the compiler holds
 * the two sides together (a new refusal without its sentence does not build).
 */
export const SIGN_IN_ERROR_CODES = [
  'oidc_failed',
  'oidc_denied',
  'oidc_unavailable',
  'saml_failed',
  'saml_denied',
  'email_missing',
  'email_unverified',
  'account_inactive',
] as const;

export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];
