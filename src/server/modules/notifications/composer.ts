import type { Executor } from '../../platform/transaction.js';
import type { deliveryRepository } from './delivery.repository.js';
import { deliveryContext } from './delivery-context.js';
import { type RenderedMail, renderMail, renderSuggestion, renderWeeklySummary } from './messages.js';
import type { MessagePayload, PersonMessagePayload, SuggestionMessagePayload, Topic } from './notifier.js';
import type { CalendarInvitations } from './ports.js';

/** One outbox message written out for its recipient, for a channel to send. */
export interface ComposedMessage {
  to: { id: string; name: string; email: string };
  mail: RenderedMail;
  /** The calendar part (an invitation, its update or its cancellation), when the message has one and it was asked for. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/**
 * What to say: a message of the outbox as its recipient reads it, written when it is delivered
 * (in their time zone, with what they may see now). The channels (email, Slack) are given it
 * through the container; they decide only how it goes out.
 */
export class MessageComposer {
  constructor(
    private readonly delivery: typeof deliveryRepository,
    private readonly invitations: CalendarInvitations,
    private readonly settings: { publicUrl: string },
  ) {}

  /** undefined: the person or the session is gone, there is nobody or nothing left to write about. */
  async compose(
    db: Executor,
    row: { topic: string; payload: string },
    options: { calendar: boolean },
  ): Promise<ComposedMessage | undefined> {
    const parsed = JSON.parse(row.payload) as MessagePayload | PersonMessagePayload | SuggestionMessagePayload;
    if ('managerSuggestion' in parsed) {
      // About no session: a workshop the report's manager suggested.
      const person = await this.delivery.person(db, parsed.personId);
      return person && { to: person, mail: renderSuggestion(parsed.managerSuggestion, person, this.settings.publicUrl), calendar: null };
    }
    if ('weeklySummary' in parsed) {
      // About no session: the admin's weekly learning summary.
      const person = await this.delivery.person(db, parsed.personId);
      return person && { to: person, mail: renderWeeklySummary(parsed.weeklySummary, person, this.settings.publicUrl), calendar: null };
    }
    const payload = parsed;
    const ctx = await deliveryContext(db, this.delivery, payload);
    if (!ctx) return undefined;
    const mail = renderMail(row.topic as Topic, payload, ctx, this.settings.publicUrl);
    const calendar =
      options.calendar && payload.calendar
        ? {
            method: payload.calendar.method,
            content: this.invitations.invitation({
              method: payload.calendar.method,
              sequence: payload.calendar.sequence,
              session: ctx.session,
              attendee: ctx.person,
            }),
          }
        : null;
    return { to: ctx.person, mail, calendar };
  }
}
