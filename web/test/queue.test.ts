import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queueLine } from '../src/widget/queue';

// Issue 15, 8c: "number 19 in line, about 1 min" while every online agent was at capacity. The
// service now sends no estimate when nobody can tell; the widget says so instead of guessing.
test('with no estimate the line says the wait is not known', () => {
  assert.equal(queueLine(19, null), "You are number 19 in line. We can't tell how long the wait will be yet.");
  assert.equal(queueLine(1, undefined), "You are next in line. We can't tell how long the wait will be yet.");
});

test('with a seat free the line says an agent is about to answer', () => {
  assert.equal(queueLine(3, 0), 'You are number 3 in line — an agent will be with you in a moment.');
});

test('with an estimate the line gives it', () => {
  assert.equal(queueLine(4, 150), 'You are number 4 in line — about 2 min.');
});
