import { invalidField } from '../errors.js';
import type { Outbound } from './client.js';

/**
 * Refuses, when an address is saved, one whose host is an internal IP literal: the answer names
 * the field. Host names are judged again at every delivery, after DNS.
 */
export function assertPublicDestination(outbound: Pick<Outbound, 'refusedUrl'>, field: string, url: string): void {
  const why = outbound.refusedUrl(url);
  if (why) throw invalidField(field, `Lyceum does not send to internal addresses: ${why}.`);
}
