import { type FeedbackSettings, FOLLOW_UP_DAYS } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/ids.js';
import type { orgSettingsRepository } from '../../platform/org-settings.repository.js';
import type { Executor, Transactor } from '../../platform/transaction.js';

const KEY = 'feedback';
const DEFAULTS: FeedbackSettings = { npsEnabled: false, followUpDays: FOLLOW_UP_DAYS.default };

/** The organisation's feedback settings: the 0–10 recommendation question (off by default), the follow-up delay. */
export class FeedbackSettingsService {
  constructor(
    private readonly tx: Transactor,
    private readonly settings: typeof orgSettingsRepository,
    private readonly access: AccessChecker,
  ) {}

  /** For everyone's use inside other transactions (the form, the follow-up's due date). */
  async current(db: Executor): Promise<FeedbackSettings> {
    return { ...DEFAULTS, ...(await this.settings.get<Partial<FeedbackSettings>>(db, KEY)) };
  }

  async get(actor: Actor): Promise<FeedbackSettings> {
    this.access.admin(actor);
    return this.current(this.tx.executor);
  }

  async update(actor: Actor, changes: Partial<FeedbackSettings>): Promise<FeedbackSettings> {
    this.access.admin(actor);
    return this.tx.transaction(async (trx) => {
      const next = { ...(await this.current(trx)), ...changes };
      await this.settings.set(trx, KEY, next, actor.id, nowIso());
      return next;
    });
  }
}
