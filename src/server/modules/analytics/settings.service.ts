import type { AnalyticsSettings } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/ids.js';
import type { orgSettingsRepository } from '../../platform/org-settings.repository.js';
import type { Executor, Transactor } from '../../platform/transaction.js';

const KEY = 'analytics';

/** Hours a host spends preparing one session, by format; completion from which a checklist "counts". */
export const ANALYTICS_DEFAULTS: AnalyticsSettings = {
  preparationHours: { talk: 4, hands_on_lab: 8, discussion: 2, course: 12, office_hours: 1 },
  checklistThreshold: 0.8,
};

type Changes = { preparationHours?: Partial<AnalyticsSettings['preparationHours']>; checklistThreshold?: number };

/** The organisation's dashboard settings (org_settings key 'analytics'): admins read and change them. */
export class AnalyticsSettingsService {
  constructor(
    private readonly tx: Transactor,
    private readonly settings: typeof orgSettingsRepository,
    private readonly access: AccessChecker,
  ) {}

  /** For the overview (and anything else that counts engineer-hours), inside its own reads. */
  async current(db: Executor): Promise<AnalyticsSettings> {
    const stored = await this.settings.get<Changes>(db, KEY);
    return {
      preparationHours: { ...ANALYTICS_DEFAULTS.preparationHours, ...stored?.preparationHours },
      checklistThreshold: stored?.checklistThreshold ?? ANALYTICS_DEFAULTS.checklistThreshold,
    };
  }

  async get(actor: Actor): Promise<AnalyticsSettings> {
    this.access.admin(actor);
    return this.current(this.tx.executor);
  }

  async update(actor: Actor, changes: Changes): Promise<AnalyticsSettings> {
    this.access.admin(actor);
    return this.tx.transaction(async (trx) => {
      const now = await this.current(trx);
      const next: AnalyticsSettings = {
        preparationHours: { ...now.preparationHours, ...changes.preparationHours },
        checklistThreshold: changes.checklistThreshold ?? now.checklistThreshold,
      };
      await this.settings.set(trx, KEY, next, actor.id, nowIso());
      return next;
    });
  }
}
