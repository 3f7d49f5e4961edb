import { describe, expect, it } from 'vitest';
import {
  checkDependency,
  reportBlockers,
  subtaskRollup,
  wouldCreateCycle,
  wouldNestInItself,
  type Edge,
} from './dependencies.js';

const edges: Edge[] = [
  { taskId: 'b', dependsOnTaskId: 'a' },
  { taskId: 'c', dependsOnTaskId: 'b' },
];

describe('finish-to-start dependencies between plan tasks', () => {
  it('refuses a link that closes a circle, directly or through other tasks', () => {
    expect(wouldCreateCycle(edges, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(edges, 'a', 'b')).toBe(true);
    expect(wouldCreateCycle(edges, 'a', 'a')).toBe(true);
  });
  it('accepts a link that keeps the graph acyclic, including a second path to the same task', () => {
    expect(wouldCreateCycle(edges, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(edges, 'd', 'c')).toBe(false);
    expect(wouldCreateCycle([], 'x', 'y')).toBe(false);
  });
  it('terminates on graphs that already hold a diamond', () => {
    const diamond: Edge[] = [
      { taskId: 'd', dependsOnTaskId: 'b' },
      { taskId: 'd', dependsOnTaskId: 'c' },
      { taskId: 'b', dependsOnTaskId: 'a' },
      { taskId: 'c', dependsOnTaskId: 'a' },
    ];
    expect(wouldCreateCycle(diamond, 'a', 'd')).toBe(true);
    expect(wouldCreateCycle(diamond, 'e', 'd')).toBe(false);
  });
  it('checks in order: same plan, not itself, not twice, no circle', () => {
    const base = { edges, taskPlanId: 'p', otherPlanId: 'p' };
    expect(checkDependency({ ...base, otherPlanId: 'q', taskId: 'd', dependsOnTaskId: 'a' })).toBe(
      'tasks.dependency_other_plan',
    );
    expect(checkDependency({ ...base, taskId: 'a', dependsOnTaskId: 'a' })).toBe('tasks.dependency_cycle');
    expect(checkDependency({ ...base, taskId: 'b', dependsOnTaskId: 'a' })).toBe('tasks.dependency_exists');
    expect(checkDependency({ ...base, taskId: 'a', dependsOnTaskId: 'c' })).toBe('tasks.dependency_cycle');
    expect(checkDependency({ ...base, taskId: 'd', dependsOnTaskId: 'c' })).toBeNull();
  });
});

describe('sub-tasks', () => {
  const parents = new Map<string, string | null>([
    ['child', 'parent'],
    ['grandchild', 'child'],
    ['parent', null],
  ]);
  it('refuses to put a task under itself or under one of its own sub-tasks', () => {
    expect(wouldNestInItself(parents, 'parent', 'parent')).toBe(true);
    expect(wouldNestInItself(parents, 'parent', 'grandchild')).toBe(true);
  });
  it('accepts a parent outside the task’s own subtree', () => {
    expect(wouldNestInItself(parents, 'other', 'grandchild')).toBe(false);
    expect(wouldNestInItself(parents, 'grandchild', 'parent')).toBe(false);
  });
  it('stops on a corrupt parent chain instead of looping', () => {
    const loop = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(wouldNestInItself(loop, 'z', 'x')).toBe(true);
  });
  it('rolls up sub-tasks: reported or verified count as finished, cancelled are left out', () => {
    expect(
      subtaskRollup([
        { id: '1', status: 'verified' },
        { id: '2', status: 'reported_done' },
        { id: '3', status: 'in_progress' },
        { id: '4', status: 'cancelled' },
      ]),
    ).toEqual({ finished: 2, total: 3 });
    expect(subtaskRollup([])).toEqual({ finished: 0, total: 0 });
  });
});

describe('what blocks a done report', () => {
  it('a prerequisite still owed blocks, naming exactly the owed prerequisites', () => {
    expect(
      reportBlockers(
        [
          { id: 'a', status: 'in_progress' },
          { id: 'b', status: 'verified' },
          { id: 'c', status: 'returned' },
        ],
        [],
      ),
    ).toEqual({ reason: 'tasks.blocked_by_prerequisite', taskIds: ['a', 'c'] });
  });
  it('prerequisites reported done, verified or cancelled no longer block', () => {
    expect(
      reportBlockers(
        [
          { id: 'a', status: 'reported_done' },
          { id: 'b', status: 'verified' },
          { id: 'c', status: 'cancelled' },
        ],
        [],
      ),
    ).toBeNull();
  });
  it('open sub-tasks block the parent once the prerequisites are clear', () => {
    expect(
      reportBlockers(
        [],
        [
          { id: 's1', status: 'not_started' },
          { id: 's2', status: 'verified' },
        ],
      ),
    ).toEqual({ reason: 'tasks.subtasks_open', taskIds: ['s1'] });
    expect(
      reportBlockers([{ id: 'p', status: 'in_progress' }], [{ id: 's', status: 'in_progress' }])?.reason,
    ).toBe('tasks.blocked_by_prerequisite');
  });
  it('nothing blocks a task without links', () => {
    expect(reportBlockers([], [])).toBeNull();
  });
});
