/**
 * Collects the calls made in the same turn of the event loop and serves them with one `run`: a worker runs
 * hundreds of jobs at once, and a query (or Redis script) per job would cost a round trip each.
 */
export function batched<I, O>(run: (inputs: I[]) => Promise<O[]>): (input: I) => Promise<O> {
  let pending: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    run(batch.map((entry) => entry.input)).then(
      (outputs) => batch.forEach((entry, index) => entry.resolve(outputs[index] as O)),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ input, resolve, reject });
    });
}
