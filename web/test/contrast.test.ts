import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accentColours, contrast } from '../src/widget/contrast';

test('contrast is WCAG 2 ratio, from 1 to 21', () => {
  assert.equal(contrast('#ffffff', '#000000'), 21);
  assert.equal(contrast('#777777', '#777777'), 1);
  // #767676 is the lightest grey that reads on white at AA, 4.54:1.
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
});

// An admin's light accent put white text on yellow (1.5:1) and yellow links on white.
test('a light accent gets black text on it and a darker shade for text on white', () => {
  const colours = accentColours('#ffd43b')!;
  assert.equal(colours.onAccent, '#000000');
  assert.ok(contrast(colours.accentText, '#ffffff') >= 4.5, colours.accentText);
  assert.ok(contrast('#ffd43b', colours.onAccent) >= 4.5);
});

test('a dark accent keeps white text and is its own text colour', () => {
  assert.deepEqual(accentColours('#1A5FB4'), { accent: '#1A5FB4', onAccent: '#ffffff', accentText: '#1a5fb4' });
});

test('every accent reads at 4.5:1 both ways', () => {
  for (let v = 0; v < 256; v += 15) {
    for (const accent of [[v, v, v], [v, 255 - v, 0], [255, v, 255 - v]]) {
      const hex = '#' + accent.map((c) => c.toString(16).padStart(2, '0')).join('');
      const colours = accentColours(hex)!;
      assert.ok(contrast(hex, colours.onAccent) >= 4.5, `${hex} on itself`);
      assert.ok(contrast(colours.accentText, '#ffffff') >= 4.5, `${hex} as text`);
    }
  }
});

test('what is not #rrggbb is left alone', () => {
  assert.equal(accentColours('red'), null);
  assert.equal(accentColours('#fff'), null);
});
