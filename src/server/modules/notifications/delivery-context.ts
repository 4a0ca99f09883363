import { videoLinkFor } from '../../../contracts/index.js';
import type { Executor } from '../../platform/transaction.js';
import type { DeliveryContext, deliveryRepository } from './delivery.repository.js';
import type { MessagePayload } from './notifier.js';

/**
 * Everything one message may show its recipient, read when it is delivered. The session's video
 * link stays in only if the recipient may see it now: mails go to people without a seat too (a
 * waitlist place, "it runs again", a change sent to everyone registered), and a mail is
 * forwarded more easily than a web page is shared.
 */
export async function deliveryContext(
  db: Executor,
  delivery: typeof deliveryRepository,
  payload: Pick<MessagePayload, 'sessionId' | 'personId' | 'registrationId'>,
): Promise<DeliveryContext | undefined> {
  const ctx = await delivery.context(db, payload.sessionId, payload.personId, payload.registrationId);
  if (!ctx) return undefined;
  const videoUrl = videoLinkFor(ctx.session.video_url, {
    actor: ctx.person,
    hostIds: ctx.hosts.map((h) => h.id),
    registration: ctx.standing,
  });
  return { ...ctx, session: { ...ctx.session, video_url: videoUrl } };
}
