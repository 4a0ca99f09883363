import { describe, expect, it } from 'vitest';
import { coverBackground, coverOf, hashOf } from './cover';

describe('a workshop cover', () => {
  it('takes the colour and icon of the first channel, the same on every call', () => {
    const a = coverOf({ title: 'Threat modeling in 60 minutes', format: 'talk', channels: [{ slug: 'security', name: 'Security' }] });
    const b = coverOf({ title: 'Secrets in CI', format: 'hands_on_lab', channels: [{ slug: 'security', name: 'Security' }] });
    expect(a).toEqual(b);
    expect(a).toEqual({ hue: hashOf('security') % 360, icon: 'security' });
  });

  it('without a channel, comes from the title, then the format', () => {
    expect(coverOf({ title: 'Debugging Kafka consumer lag', format: 'talk', channels: [] }).icon).toBe('data');
    expect(coverOf({ title: 'Quarterly planning chat', format: 'discussion', channels: [] }).icon).toBe('discussion');
    const one = coverOf({ title: 'Quarterly planning chat', format: 'discussion', channels: [] });
    const other = coverOf({ title: 'Lunch and learn', format: 'discussion', channels: [] });
    expect(one.hue).not.toBe(other.hue);
    expect(one.hue).toBeGreaterThanOrEqual(0);
    expect(one.hue).toBeLessThan(360);
  });

  it('paints a gradient of the hue', () => {
    expect(coverBackground(350)).toBe('linear-gradient(135deg, hsl(350 62% 40%), hsl(30 70% 30%))');
  });
});
