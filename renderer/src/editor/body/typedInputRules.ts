import {
  Extension,
  getExtensionField,
  getSchemaTypeByName,
  inputRulesPlugin,
  sortExtensions,
  type AnyConfig,
  type AnyExtension,
  type Editor,
  type InputRule,
} from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

/**
 * Every extension's input rules ("## " → subhead, "**bold**" → bold, "- " → list), in the order TipTap would run their
 * plugins: its ExtensionManager reverses the list, then sorts by priority.
 */
export function collectInputRules(extensions: readonly AnyExtension[], editor: Editor, schema: Schema): InputRule[] {
  return sortExtensions([...extensions].reverse()).flatMap((extension) => {
    const addInputRules = getExtensionField<AnyConfig['addInputRules']>(extension, 'addInputRules', {
      name: extension.name,
      options: extension.options,
      storage: editor.extensionStorage[extension.name as keyof typeof editor.extensionStorage],
      editor,
      type: getSchemaTypeByName(extension.name, schema),
    });
    return addInputRules?.() ?? [];
  });
}

/**
 * False when the typed text ends in a letter: no rule of ours ends in one (the block rules end in a space, bold and
 * italic in "*" or "_"), and a rule only matches text that ends where the typing does. Most keys a writer types are
 * letters.
 */
export function mayCompleteInputRule(text: string): boolean {
  return !/[\p{L}\p{M}]$/u.test(text);
}

/**
 * The input rules in one plugin, asked only when the typed text may complete one. TipTap's own way (enableInputRules)
 * gives each extension its own plugin, and each copies up to 500 characters before the caret and runs its patterns on
 * every key: six copies a key in a story. Enter and the end of an IME composition still run every rule, as before.
 * The editor is created with enableInputRules: false, so this is the only place the rules run.
 */
export const TypedInputRules = Extension.create({
  name: 'typedInputRules',

  addProseMirrorPlugins() {
    const { editor } = this;
    const plugin = inputRulesPlugin({ editor, rules: collectInputRules(editor.extensionManager.extensions, editor, editor.schema) });
    // The plugin keys its undo state ("Backspace undoes the rule") by this very object, so its prop is wrapped in place.
    const handleTextInput = plugin.props.handleTextInput!;
    plugin.props.handleTextInput = function (view, from, to, text, deflt) {
      return mayCompleteInputRule(text) && handleTextInput.call(this, view, from, to, text, deflt);
    };
    return [plugin];
  },
});
