import { expect, it } from 'vitest';

it('passes but leaves a rejection nobody handles', async () => {
  void Promise.reject(new Error('lost rejection'));
  await new Promise((r) => setTimeout(r, 50));
  expect(1).toBe(1);
});
