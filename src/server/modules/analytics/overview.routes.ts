import { analyticsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { OverviewService } from './overview.service.js';
import type { AnalyticsSettingsService } from './settings.service.js';

const tags = ['analytics'];

/** The dashboard's overview and its settings (engineer-hours' preparation estimates, the checklist threshold). */
export function overviewRoutes(app: Api, overview: OverviewService, settings: AnalyticsSettingsService): void {
  route(
    app,
    analyticsApi.overview,
    {
      tags,
      summary: 'The education dashboard: every figure for a period beside the previous one',
      description:
        'Admins and the people they shared the dashboard with (403 forbidden for others). A period is UTC days from `from` to `to`; ' +
        'the previous period is as many days right before it. Filters: team (or a manager’s whole organisation), location (people), ' +
        'channel and format (workshops). Rates are fractions; a figure with nothing to count is null. The series compares each month ' +
        'with the same month a year earlier; checklistEffect compares ratings of sessions whose workshop used a checklist (completion ≥ threshold) ' +
        'with sessions without one (Welch 95 % interval) — an observational comparison, not proof.',
    },
    (request) => overview.overview(requireActor(request), request.query),
  );

  route(
    app,
    analyticsApi.settings,
    {
      tags,
      summary: 'Dashboard settings (admins)',
      description:
        'Preparation hours per session by format (engineer-hours invested) and the checklist completion that counts as prepared with one.',
    },
    (request) => settings.get(requireActor(request)),
  );

  route(
    app,
    analyticsApi.updateSettings,
    {
      tags,
      summary: 'Change the dashboard settings (admins)',
      description: 'Any of: preparation hours per format (0–200), the checklist threshold (0–1). Formats not named keep their hours.',
    },
    (request) => settings.update(requireActor(request), request.body),
  );
}
