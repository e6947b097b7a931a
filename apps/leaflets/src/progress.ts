// Progress for long runs: a bar on a terminal, plain lines (every tenth) when stderr is a file or a pipe.
import cliProgress from 'cli-progress'

export type Progress = { update(done: number, total: number): void; stop(): void }

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} pages`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0)
          started = true
        }
        bar.update(done)
      },
      stop: () => started && bar.stop(),
    }
  }
  let lastTenth = -1
  return {
    update(done, total) {
      const tenth = Math.floor((done / total) * 10)
      if (tenth !== lastTenth) {
        lastTenth = tenth
        stream.write(`${label}: ${done}/${total} pages (${Math.round((done / total) * 100)}%)\n`)
      }
    },
    stop() {},
  }
}
