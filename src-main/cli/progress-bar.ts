/** A one-line progress bar on a terminal; plain lines every 10 % when output is not a TTY. */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  const started = Date.now();
  const mb = (b: number) => (b / 1e6).toFixed(1);
  return {
    update(received: number, total: number | null) {
      const fraction = total ? Math.min(1, received / total) : 0;
      const rate = received / Math.max(0.001, (Date.now() - started) / 1000);
      const text =
        `${label} ${total ? `${(fraction * 100).toFixed(0).padStart(3)}%` : ''} ` +
        `${mb(received)}${total ? `/${mb(total)}` : ''} MB  ${mb(rate)} MB/s`;
      if (stream.isTTY) {
        const width = 30;
        const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
        stream.write(`\r[${bar}] ${text}`);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${text}\n`);
        }
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
