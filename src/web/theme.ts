import {
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  Notification,
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

// Palettes whose filled shade (7) is too light for white text (AA): filled uses shade 9 instead.
const paleFilled = new Set(['red', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange']);

const mixBlack = (color: string, percent: number | undefined) => (percent ? `color-mix(in srgb, ${color}, black ${percent}%)` : color);

const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'dark') return resolved;
  if (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline') {
    const shade = parsed.color === 'gray' ? 8 : 9;
    // Some palettes stay too light even at shade 9: darken them further.
    const color = mixBlack(`var(--mantine-color-${parsed.color}-${shade})`, darker[parsed.color]);
    // Keep the hover background pale (shade 1; Mantine's light hover is shade 2) so the darker text keeps its contrast.
    const hover = input.variant === 'outline' ? resolved.hover : `var(--mantine-color-${parsed.color}-1)`;
    return { ...resolved, color, hover };
  }
  if (input.variant === 'filled') {
    const shade = parsed.shade ?? (paleFilled.has(parsed.color) ? 9 : undefined);
    if (shade === undefined) return resolved;
    const background = mixBlack(
      `var(--mantine-color-${parsed.color}-${shade})`,
      parsed.shade === undefined ? darker[parsed.color] : undefined,
    );
    // Hovering darkens (Mantine lightens shade 9 to 8, which loses the white text's contrast).
    return { ...resolved, background, hover: mixBlack(background, 15) };
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
    // Mantine's close buttons (dialogs, toasts) are icons with no name of their own.
    // (A plain theme entry, not Modal.extend: the first page then need not load the Modal component.)
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Mantine's toasts: the close button has no name of its own, and a message under a title is
    // gray.6 (below AA on white); the app's dimmed grey instead.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: (_theme, props) => ({ description: props.title ? { color: 'var(--mantine-color-dimmed)' } : {} }),
    }),
  },
});
