import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Indigo-ish primary with AA contrast for white text on filled buttons (shade 7).
const lyceum: MantineColorsTuple = [
  '#edf2ff',
  '#dbe4ff',
  '#bac8ff',
  '#91a7ff',
  '#748ffc',
  '#5c7cfa',
  '#4c6ef5',
  '#4263eb',
  '#3b5bdb',
  '#364fc7',
];

export const theme = createTheme({
  primaryColor: 'lyceum',
  primaryShade: 7,
  colors: { lyceum },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '700' },
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
  },
});
