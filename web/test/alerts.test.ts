import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Alerts, type AlertSurface } from '../src/console/alerts';

function surface(background: boolean) {
  const said: string[] = [];
  const fake: AlertSurface & { background: boolean } = {
    background,
    inBackground: () => fake.background,
    notify: (title, body, tag) => said.push(`notify ${title}: ${body} [${tag}]`),
    tone: () => said.push('tone'),
    title: (text) => said.push(`title ${text ?? '(reset)'}`),
  };
  return { fake, said };
}

const message = (senderId: string, kind = 'TEXT', body = 'Where is my parcel?') => ({ conversationId: 'c1', senderId, kind, body });

test('a new assignment in the background notifies, sounds and marks the title', () => {
  const { fake, said } = surface(true);
  new Alerts(fake, () => 'me').assigned('c1', 'Alice');
  assert.deepEqual(said, ['tone', 'notify Parley: New conversation assigned: Alice [c1]', 'title ● New conversation assigned: Alice']);
});

test('a new assignment while the agent looks still sounds, without a notification', () => {
  const { fake, said } = surface(false);
  new Alerts(fake, () => 'me').assigned('c1', 'Alice');
  assert.deepEqual(said, ['tone']);
});

test('a customer message in one of my conversations notifies and sounds only in the background', () => {
  const background = surface(true);
  new Alerts(background.fake, () => 'me').message(message('customer-1'), 'Alice', true);
  assert.deepEqual(background.said, ['tone', 'notify Alice: Where is my parcel? [c1]', 'title ● New message: Alice']);

  const looking = surface(false);
  new Alerts(looking.fake, () => 'me').message(message('customer-1'), 'Alice', true);
  assert.deepEqual(looking.said, []);
});

test('my own messages, system lines and conversations I am not in never alert', () => {
  const { fake, said } = surface(true);
  const alerts = new Alerts(fake, () => 'me');
  alerts.message(message('me'), 'Alice', true);
  alerts.message(message('customer-1', 'SYSTEM', 'Bob joined'), 'Alice', true);
  alerts.message(message('customer-1'), 'Alice', false);
  assert.deepEqual(said, []);
});

test('a colleague\'s private note says only that there is one; coming back resets the title', () => {
  const { fake, said } = surface(true);
  const alerts = new Alerts(fake, () => 'me');
  alerts.message(message('agent-2', 'NOTE', 'the customer is rude'), 'Alice', true);
  alerts.seen();
  assert.deepEqual(said, ['tone', 'notify Alice: a private note [c1]', 'title ● New message: Alice', 'title (reset)']);
});
