/**
 * The demo's channels: topic hubs an engineering organisation would have, each collecting the
 * workshops whose tags belong to it, owned by the host who teaches most in it.
 */
import type { Insertable } from 'kysely';
import type {
  ChannelOwnersTable,
  ChannelsTable,
  FollowsTable,
  WorkshopChannelsTable,
  WorkshopHostsTable,
  WorkshopsTable,
} from '../../server/db/schema.js';
import { Random } from '../shared/random.js';
import { demoId } from './demo-ids.js';

const CHANNELS: { slug: string; name: string; description: string; tags: string[] }[] = [
  {
    slug: 'data-engineering',
    name: 'Data Engineering',
    description: 'Pipelines, streams, warehouses and the contracts between them.',
    tags: ['data-engineering', 'kafka', 'streaming', 'dbt', 'data-quality', 'data-contracts', 'sql', 'postgres', 'databases', 'schemas'],
  },
  {
    slug: 'security',
    name: 'Security',
    description: 'Threat modeling, secrets, supply chain and compliance, for people who ship code.',
    tags: ['security', 'threat-modeling', 'secrets', 'vault', 'supply-chain', 'pci', 'compliance'],
  },
  {
    slug: 'reliability',
    name: 'Reliability & Operations',
    description: 'SLOs, on-call, incidents and the observability that makes them calm.',
    tags: [
      'reliability',
      'observability',
      'incident-response',
      'slo',
      'on-call',
      'postmortems',
      'tracing',
      'opentelemetry',
      'chaos-engineering',
    ],
  },
  {
    slug: 'platform',
    name: 'Platform & Cloud',
    description: 'Kubernetes, infrastructure as code, CI and the paved road.',
    tags: ['platform', 'kubernetes', 'terraform', 'infrastructure-as-code', 'aws', 'cloud', 'ci', 'release-engineering', 'cost'],
  },
  {
    slug: 'frontend',
    name: 'Frontend & Mobile',
    description: 'Web and app engineering: React, TypeScript, accessibility, Android and iOS.',
    tags: ['frontend', 'react', 'typescript', 'accessibility', 'design-system', 'mobile', 'android', 'ios', 'kotlin'],
  },
  {
    slug: 'machine-learning',
    name: 'Machine Learning',
    description: 'Models in production: MLOps, evaluation, search relevance and LLMs.',
    tags: ['machine-learning', 'mlops', 'llm', 'evaluation', 'relevance', 'search', 'opensearch', 'statistics', 'experimentation'],
  },
  {
    slug: 'engineering-craft',
    name: 'Engineering Craft',
    description: 'Testing, code review, design docs, performance and the languages we write.',
    tags: [
      'testing',
      'property-based-testing',
      'code-review',
      'design-docs',
      'architecture',
      'api-design',
      'performance',
      'profiling',
      'go',
      'rust',
      'python',
      'concurrency',
      'correctness',
      'git',
    ],
  },
  {
    slug: 'teaching-and-writing',
    name: 'Teaching & Writing',
    description: 'Explaining well: workshops, docs, onboarding and developer education.',
    tags: ['teaching', 'writing', 'developer-education', 'onboarding', 'collaboration', 'developer-productivity'],
  },
];

export interface DemoChannels {
  channels: Insertable<ChannelsTable>[];
  owners: ChannelOwnersTable[];
  workshopChannels: WorkshopChannelsTable[];
  follows: FollowsTable[];
}

export function buildDemoChannels(
  workshops: Insertable<WorkshopsTable>[],
  tags: { workshop_id: string; tag: string }[],
  hosts: WorkshopHostsTable[],
  personIds: string[],
  nowMs: number,
): DemoChannels {
  const at = new Date(nowMs - 120 * 86_400_000).toISOString();
  const result: DemoChannels = { channels: [], owners: [], workshopChannels: [], follows: [] };
  for (const spec of CHANNELS) {
    const id = demoId(`channel:${spec.slug}`);
    result.channels.push({ id, slug: spec.slug, name: spec.name, description: spec.description, created_at: at, updated_at: at });
    const members = workshops.filter((w) => tags.some((t) => t.workshop_id === w.id && spec.tags.includes(t.tag)));
    // At most two channels per workshop: the first two that claim it.
    for (const w of members) {
      if (result.workshopChannels.filter((wc) => wc.workshop_id === w.id).length < 2) {
        result.workshopChannels.push({ workshop_id: String(w.id), channel_id: id });
      }
    }
    const teaching = new Map<string, number>();
    for (const h of hosts.filter((h) => members.some((w) => w.id === h.workshop_id))) {
      teaching.set(h.person_id, (teaching.get(h.person_id) ?? 0) + 1);
    }
    const owner = [...teaching].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (owner) result.owners.push({ channel_id: id, person_id: owner[0] });
    const random = new Random(`followers:${spec.slug}`);
    for (const person of personIds) {
      if (random.chance(0.12)) result.follows.push({ person_id: person, kind: 'channel', target_id: id, created_at: at });
    }
  }
  return result;
}
