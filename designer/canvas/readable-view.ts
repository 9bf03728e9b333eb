export type Rect = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };

/**
 * The first view of a process: all of it when that is readable, else the
 * smallest readable zoom with its beginning (the left edge, where the start
 * usually is) in view and the graph centred vertically. A whole process at
 * 30 % is a picture, not something a designer can read at 1280×800.
 */
export function readableViewport(
  bounds: Rect,
  size: { width: number; height: number },
  opts: { minZoom?: number; maxZoom?: number; padding?: number } = {},
): Viewport {
  const { minZoom = 0.75, maxZoom = 1, padding = 32 } = opts;
  if (!bounds.width || !bounds.height || !size.width || !size.height) return { x: padding, y: padding, zoom: 1 };
  const fit = Math.min((size.width - 2 * padding) / bounds.width, (size.height - 2 * padding) / bounds.height);
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  const centre = (space: number, start: number, length: number) => (space - length * zoom) / 2 - start * zoom;
  const x = fit >= minZoom ? centre(size.width, bounds.x, bounds.width) : padding - bounds.x * zoom;
  const y =
    bounds.height * zoom <= size.height - 2 * padding
      ? centre(size.height, bounds.y, bounds.height)
      : padding - bounds.y * zoom;
  return { x, y, zoom };
}
