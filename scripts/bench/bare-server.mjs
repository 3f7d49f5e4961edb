// A bare Fastify server answering one JSON route: the baseline for chidao's request rate.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const items = Array.from({ length: 10 }, (_, i) => ({
  id: i,
  title: `Văn bản số ${i}`,
  issuedOn: '2024-01-01',
}));
app.get('/bare', async () => ({ items, total: items.length }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${app.server.address().port}`);
