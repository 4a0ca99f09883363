import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text.js';

describe('markdownToText', () => {
  it('drops list, heading and quote marks at the start of lines', () => {
    expect(markdownToText('## What you will learn\n- auto-instrumentation\n- manual spans\n1. first\n> quoted')).toBe(
      'What you will learn auto-instrumentation manual spans first quoted',
    );
    expect(markdownToText('…- auto-instrumentation\n- manual')).toBe('…auto-instrumentation manual');
    expect(markdownToText('- [x] done\n- [ ] to do')).toBe('done to do');
  });

  it('keeps hyphens, numbers and asterisks that are words, not marks', () => {
    expect(markdownToText('auto-instrumentation for 3 - 5 services')).toBe('auto-instrumentation for 3 - 5 services');
    expect(markdownToText('2 * 3 = 6')).toBe('2 * 3 = 6');
    expect(markdownToText('use snake_case_names and __init__ files')).toBe('use snake_case_names and init files');
  });

  it('keeps the text of emphasis, code and links', () => {
    expect(markdownToText('**Bring** a *laptop* with `kubectl` and ~~Docker~~ _Podman_')).toBe(
      'Bring a laptop with kubectl and Docker Podman',
    );
    expect(markdownToText('See [the guide](https://example.com/guide "Guide") and ![a diagram](d.png)')).toBe(
      'See the guide and a diagram',
    );
    expect(markdownToText('Read [the spec][spec] or <https://example.com>')).toBe('Read the spec or https://example.com');
  });

  it('copes with a fragment cut in the middle of a link or of emphasis', () => {
    expect(markdownToText('auto-instrumentation of **quokka')).toBe('auto-instrumentation of quokka');
    expect(markdownToText('…see [the runbook](https://wiki.exa')).toBe('…see the runbook');
    expect(markdownToText('runbook](https://wiki.example.com) before the lab')).toBe('runbook before the lab');
  });

  it('drops rules, fences and table separators, and joins cells', () => {
    expect(markdownToText('Intro\n---\n```bash\nkubectl get pods\n```\n| Tool | Use |\n| --- | --- |\n| k9s | views |')).toBe(
      'Intro kubectl get pods Tool Use k9s views',
    );
  });

  it('passes characters it does not know through, the search markers among them', () => {
    expect(markdownToText('- \uE000auto\uE001-instrumentation with **\uE000otel\uE001**')).toBe(
      '\uE000auto\uE001-instrumentation with \uE000otel\uE001',
    );
    expect(markdownToText('a \\*literal\\* star & <b>')).toBe('a *literal* star & <b>');
  });
});
