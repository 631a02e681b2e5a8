/**
 * The two screens every deliverable-2/8 test runs on: a desktop window (mouse, fine pointer) and
 * a phone (touch, coarse pointer, 390 px wide).
 */
export const VIEWPORTS = [
  { name: "desktop", options: { viewport: { width: 1280, height: 900 } } },
  { name: "mobile", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
] as const;

/**
 * WCAG contrast of every visible text inside `root` against what is behind it, as the browser
 * composes it: each ancestor's background, and each ancestor's opacity applied to its whole
 * subtree (an `opacity-60` card dims its text and its backgrounds against the page). Returns the
 * lowest ratios first. Runs in the page: pass it to `locator.evaluate`.
 */
export function textContrasts(root: Element): Array<{ text: string; ratio: number }> {
  type Premultiplied = [number, number, number, number];
  // Tailwind 4 writes oklch() colours: a canvas turns any CSS colour into sRGB bytes.
  const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
  const premultiplied = (value: string): Premultiplied => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "rgba(0, 0, 0, 0)";
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue, alpha] = context.getImageData(0, 0, 1, 1).data;
    const a = alpha / 255;
    return [red * a, green * a, blue * a, a];
  };
  const over = (top: Premultiplied, bottom: Premultiplied): Premultiplied => top.map((value, index) => value + bottom[index] * (1 - top[3])) as Premultiplied;
  const faded = (colour: Premultiplied, opacity: number): Premultiplied => colour.map((value) => value * opacity) as Premultiplied;
  /** The pixel under the text (or its background, without it) over a white page. */
  const pixel = (chain: Element[], text: Premultiplied | null): number[] => {
    let group: Premultiplied = text ?? [0, 0, 0, 0];
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const style = getComputedStyle(chain[index]);
      group = faded(over(group, premultiplied(style.backgroundColor)), Number(style.opacity));
    }
    return over(group, [255, 255, 255, 1]).slice(0, 3);
  };
  const luminance = (rgb: number[]) => {
    const channel = (value: number) => {
      const scaled = value / 255;
      return scaled <= 0.03928 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
  };
  const results: Array<{ text: string; ratio: number }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? "";
    const element = node.parentElement;
    if (!text || !element || element.closest("[aria-hidden=true], .sr-only, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
    const chain: Element[] = [];
    for (let current: Element | null = element; current; current = current.parentElement) chain.unshift(current);
    const withText = pixel(chain, premultiplied(getComputedStyle(element).color));
    const behind = pixel(chain, null);
    const [lighter, darker] = [luminance(withText), luminance(behind)].sort((a, b) => b - a);
    results.push({ text: text.slice(0, 40), ratio: Math.round(((lighter + 0.05) / (darker + 0.05)) * 100) / 100 });
  }
  return results.sort((a, b) => a.ratio - b.ratio);
}
