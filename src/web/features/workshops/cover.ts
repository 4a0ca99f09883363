/**
 * A workshop's look in lists, generated from what it already has (no uploads): the colour of its
 * first channel (or of its title when it has none) and an icon for its topic (else its format).
 * Deterministic: the same workshop looks the same on every page and every visit.
 */

export type CoverIcon =
  | 'security'
  | 'data'
  | 'ml'
  | 'frontend'
  | 'mobile'
  | 'platform'
  | 'reliability'
  | 'craft'
  | 'teaching'
  | 'payments'
  | 'talk'
  | 'lab'
  | 'discussion'
  | 'course'
  | 'office_hours';

export type Cover = { hue: number; icon: CoverIcon };

/** Topic words (in a channel's slug or name, else the title) and the icon each gets; the first match wins. */
const TOPICS: [RegExp, CoverIcon][] = [
  [/secur|threat|auth|crypt|privacy|vuln/i, 'security'],
  [/machine|\bml\b|\bai\b|\bllm|model|neural/i, 'ml'],
  [/data|kafka|sql|postgres|warehouse|analytic|stream/i, 'data'],
  [/front|react|css|web|browser|design|accessib/i, 'frontend'],
  [/mobile|ios|android|swift|kotlin/i, 'mobile'],
  [/reliab|sre|incident|observ|on-call|tracing|monitor/i, 'reliability'],
  [/platform|kubernetes|k8s|cloud|infra|terraform|helm|docker/i, 'platform'],
  [/payment|billing|fintech/i, 'payments'],
  [/teach|writ|present|mentor|speak/i, 'teaching'],
  [/craft|test|refactor|review|code|debug/i, 'craft'],
];

/** FNV-1a: a small, stable string hash. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function coverOf(w: { title: string; format: string; channels: { slug: string; name: string }[] }): Cover {
  const channel = w.channels[0];
  const hue = hashOf(channel ? channel.slug : w.title.trim().toLowerCase()) % 360;
  const topicText = channel ? `${channel.slug} ${channel.name}` : w.title;
  const topic = TOPICS.find(([re]) => re.test(topicText))?.[1];
  const byFormat: Record<string, CoverIcon> = {
    talk: 'talk',
    hands_on_lab: 'lab',
    discussion: 'discussion',
    course: 'course',
    office_hours: 'office_hours',
  };
  return { hue, icon: topic ?? byFormat[w.format] ?? 'talk' };
}

/** Two shades of the hue, dark enough for a white icon on them (contrast above 3:1 for a graphic). */
export function coverBackground(hue: number): string {
  return `linear-gradient(135deg, hsl(${hue} 62% 40%), hsl(${(hue + 40) % 360} 70% 30%))`;
}
