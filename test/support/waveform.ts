import type { Locator } from 'playwright-core';

/** How many pixels of a waveform's canvas are painted (not transparent): a drawn waveform has many. */
export const paintedPixels = (canvas: Locator) =>
  // Typed structurally: this file is also compiled without the DOM library (tsconfig.node.json).
  canvas.evaluate((element) => {
    const c = element as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
