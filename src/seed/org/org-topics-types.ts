/** The shape of the topic words (org-topics.ts). */
import type { DisciplineKey } from './org-teams.js';

export interface Tech {
  name: string;
  slug: string;
  /** Noun phrases that follow the name: "Terraform modules", "Kubernetes operators". */
  concepts: readonly string[];
  /** What goes wrong: "Kafka consumer lag". */
  problems: readonly string[];
  /** Things people run on the platform: "Running Redis on Kubernetes". */
  runs?: boolean;
}

export interface Area {
  key: string;
  /** The area's channel. */
  name: string;
  tag: string;
  about: string;
  /** Relative number of workshops. */
  weight: number;
  /** Who hosts and who comes most. */
  disciplines: readonly DisciplineKey[];
  techs: readonly Tech[];
  /** Practices (no product name): "incident reviews", "design docs". */
  practices: readonly string[];
  /** Extra channels: a name, and the technologies (slugs) or practices that belong there. */
  hubs: readonly { name: string; about: string; covers: readonly string[] }[];
}

export const tech = (name: string, slug: string, concepts: string[], problems: string[], runs = false): Tech => ({
  name,
  slug,
  concepts,
  problems,
  runs,
});
