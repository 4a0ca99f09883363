import {
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

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

// Mantine's light/subtle/outline variants use mid shades for text, which miss AA contrast on
// their pale backgrounds; shade 9 passes for every palette.
const darker: Record<string, number> = { orange: 40, yellow: 40, teal: 25, green: 25, cyan: 25, lime: 40 };

const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline') {
    const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
    if (parsed.isThemeColor && parsed.color !== 'dark') {
      const shade = parsed.color === 'gray' ? 8 : 9;
      const text = `var(--mantine-color-${parsed.color}-${shade})`;
      // Some palettes stay too light even at shade 9: darken them further.
      const darken = darker[parsed.color];
      const color = darken ? `color-mix(in srgb, ${text}, black ${darken}%)` : text;
      // Keep the hover background pale so the darker text keeps its contrast.
      const hover = input.variant === 'light' ? `var(--mantine-color-${parsed.color}-1)` : resolved.hover;
      return { ...resolved, color, hover };
    }
  }
  return resolved;
};

export const theme = createTheme({
  variantColorResolver,
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
