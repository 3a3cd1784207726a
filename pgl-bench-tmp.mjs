import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
const schemes = {
  current: [[1, 1536], [1, 1536], [1, 1536], [2, 15]],
  s2_mean_topic_sub_noise: [[1.5, 1], [1.5, 15], [1, 200], [0.4, 1536]],
  s3_topic_sub_noise: [[2, 15], [1, 200], [0.3, 1536], [0.3, 1536]],
  s4_topic_sub_noise_big: [[2, 15], [1.2, 200], [0.6, 1536], [0.6, 1536]],
};
for (const [name, segs] of Object.entries(schemes)) {
const db = await PGlite.create({ extensions: { vector } });
await db.exec('create extension vector; create table b (id int, e vector(1536)); create index on b using hnsw (e vector_cosine_ops);');
let seed = 1;
const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
const g = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const basis = '[' + segs.flatMap(([w]) => Array.from({ length: 3072 }, () => (g() * w).toFixed(3))).join(',') + ']';
let total = 0;
for (let batch = 0; batch < 4; batch++) {
  const rows = [];
  for (let k = 0; k < 250; k++) {
    const o = segs.map(([, n], s) => s * 3072 + 1 + (Math.floor(rnd() * n) * 997) % 1536);
    rows.push(`(${k}, (select l2_normalize(${o.map((x) => `subvector(basis, ${x}, 1536)`).join(' + ')}) from x))`);
  }
  const s = performance.now();
  await db.query(`with x as materialized (select '${basis}'::vector as basis) insert into b values ${rows.join(',')}`);
  total += performance.now() - s;
}
const sim = await db.query(`select avg(1 - (a.e <=> b2.e)) as s from (select e from b limit 50) a, (select e from b offset 500 limit 50) b2`);
console.log(name, Math.round(total), 'ms for 1000; mean cos sim', Number(sim.rows[0].s).toFixed(3));
await db.close();
}
