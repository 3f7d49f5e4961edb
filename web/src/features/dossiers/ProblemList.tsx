import { List } from '@mantine/core';
import { ApiError } from '../../lib/api';

/** Every problem the server listed for a refused write, as sentences (when there is more than one). */
export function ProblemList({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length < 2) return null;
  return (
    <List size="sm" c="red.8" data-testid="problem-list">
      {error.details.map((d, i) => (
        <List.Item key={`${d.field}:${i}`}>{d.message}</List.Item>
      ))}
    </List>
  );
}
