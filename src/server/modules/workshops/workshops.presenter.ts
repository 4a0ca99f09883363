import type { Workshop } from '../../../contracts/index.js';
import type { ChecklistSummary, HostRow, WorkshopRow } from './workshops.repository.js';

export interface WorkshopExtras {
  hosts: HostRow[];
  tags: string[];
  canEdit: boolean;
  upcomingSessionCount: number;
  checklist?: ChecklistSummary;
  channels: { slug: string; name: string }[];
}

export function presentWorkshop(row: WorkshopRow, extras: WorkshopExtras): Workshop {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    format: row.format,
    durationMinutes: row.duration_minutes,
    tags: extras.tags,
    audience: row.audience,
    objectives: JSON.parse(row.objectives) as string[],
    prerequisites: row.prerequisites,
    materials: JSON.parse(row.materials) as { title: string; url: string }[],
    status: row.status,
    isSeries: row.is_series === 1,
    language: row.language,
    hosts: extras.hosts.map((h) => ({ id: h.id, name: h.name, title: h.title, role: h.role })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    canEdit: extras.canEdit,
    upcomingSessionCount: extras.upcomingSessionCount,
    channels: extras.channels,
    preparedWith: extras.checklist?.show_on_workshop === 1 ? extras.checklist.template_name : null,
    checklistPercent:
      extras.canEdit && extras.checklist
        ? extras.checklist.total === 0
          ? 0
          : Math.round((Number(extras.checklist.answered) / Number(extras.checklist.total)) * 100)
        : null,
  };
}
