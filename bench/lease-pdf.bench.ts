/**
 * Lease document rendering speed. Run: `npx tsx bench/lease-pdf.bench.ts`. Prints figures; asserts nothing.
 * - first render in a fresh process (target ≤ 150 ms)
 * - full ground lease PDF: median of 30 renders after 5 warm-up renders (target ≤ 50 ms)
 * - memorandum of ground lease: median of 30 renders
 * - bulk: 100 different leases rendered one after another → documents per second
 */
import { renderLeaseDocument } from "../app/modules/leases/document-pdf.server";
import { renderMemorandum } from "../app/modules/leases/memorandum-pdf.server";
import { sampleLeaseDocumentData } from "../app/modules/leases/sample-lease";

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** CPU time of this process since `start` (user + system), less sensitive than wall time to a busy machine. */
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function time(label: string, runs: number, warmUp: number, render: () => Promise<Buffer>): Promise<void> {
  for (let i = 0; i < warmUp; i += 1) await render();
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    bytes = (await render()).length;
    times.push(performance.now() - start);
    cpu.push(cpuMs(startCpu));
  }
  console.log(
    `${label.padEnd(28)} median ${median(times).toFixed(1)} ms   min ${Math.min(...times).toFixed(1)} ms   ` +
      `max ${Math.max(...times).toFixed(1)} ms   CPU median ${median(cpu).toFixed(1)} ms   ${(bytes / 1024).toFixed(0)} KiB`,
  );
}

const lease = sampleLeaseDocumentData();
const coldStart = performance.now();
const coldCpu = process.cpuUsage();
await renderLeaseDocument(lease);
console.log(`${"first render (cold)".padEnd(28)} ${(performance.now() - coldStart).toFixed(1)} ms   CPU ${cpuMs(coldCpu).toFixed(1)} ms`);

await time("ground lease (full)", 30, 5, () => renderLeaseDocument(lease));
await time("ground lease (draft)", 30, 5, () => renderLeaseDocument({ ...lease, status: "draft" }));
await time("memorandum", 30, 5, () => renderMemorandum(lease));

const leases = Array.from({ length: 100 }, (_, i) =>
  sampleLeaseDocumentData({ leaseReference: `GL-2025-${String(i + 1).padStart(4, "0")}`, lessees: [`Homeowner ${i + 1}`, "José Núñez"] }),
);
const bulkStart = performance.now();
for (const data of leases) await renderLeaseDocument(data);
const seconds = (performance.now() - bulkStart) / 1000;
console.log(`${"bulk, 100 leases".padEnd(28)} ${seconds.toFixed(2)} s   ${(100 / seconds).toFixed(1)} documents/second`);
