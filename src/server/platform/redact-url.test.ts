import { describe, expect, it } from 'vitest';
import { maskUrlPassword } from './redact-url.js';

describe('maskUrlPassword', () => {
  it.each([
    ['postgres://lyceum:s3cret@db:5432/lyceum', 'postgres://lyceum:***@db:5432/lyceum'],
    ['postgresql://u:p%40ss@db/lyceum?sslmode=require', 'postgresql://u:***@db/lyceum?sslmode=require'],
    // Unencoded '@', '/', '?' and '#' in a password: all of it is hidden.
    ['postgres://u:p@ss@db/lyceum', 'postgres://u:***@db/lyceum'],
    ['postgres://u:p@s/s?#@db:5432/lyceum', 'postgres://u:***@db:5432/lyceum'],
    ['smtps://mailer:hunter2@mail.example.com:465', 'smtps://mailer:***@mail.example.com:465'],
    ['mysql://:only-a-password@db', 'mysql://:***@db'],
    // Mistyped settings still hide what looks like a password.
    ['lyceum:s3cret@db/lyceum', 'lyceum:***@db/lyceum'],
    ['postgres:/lyceum:s3cret@db/lyceum', 'postgres:***@db/lyceum'],
  ])('%s → %s', (url, masked) => {
    expect(maskUrlPassword(url)).toBe(masked);
  });

  it.each([
    'postgres://postgres@127.0.0.1:5432/test',
    'postgres://db.internal:5432/lyceum',
    'postgres://[::1]:5432/lyceum',
    'smtp://mail:25',
    'sqlite:./data/lyceum.sqlite',
    'sqlite:/var/lib/lyceum/lyceum.sqlite',
  ])('leaves %s as it is (no password in it)', (url) => {
    expect(maskUrlPassword(url)).toBe(url);
  });
});
