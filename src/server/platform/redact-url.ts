/**
 * A URL fit for a log line or an error message: the password in its userinfo replaced by ***, the
 * rest left as written. The one masking rule for every setting that may carry a password
 * (DATABASE_URL, SMTP_URL).
 */
export function maskUrlPassword(url: string): string {
  // Without '//' (a mistyped setting: "user:pass@host/db", "postgres:/u:p@h") the userinfo may
  // start anywhere after the scheme.
  const start = /^[a-z][a-z\d+.-]*:\/\//i.exec(url)?.[0].length ?? 0;
  // A host never contains '@' but a password may, and '/', '?' or '#' too when not percent-encoded,
  // so no character before the LAST '@' can be trusted to end the userinfo (node-postgres, through
  // WHATWG URL parsing, also splits at the last '@'). Hiding too much beats showing part of a password.
  const at = url.lastIndexOf('@');
  if (at < start) return url;
  const colon = url.indexOf(':', start);
  if (colon === -1 || colon > at) return url;
  return `${url.slice(0, colon + 1)}***${url.slice(at)}`;
}
