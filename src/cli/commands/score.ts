import { readFile } from 'node:fs/promises';
import { parseAnswers } from '../../../audits/answers-schema.ts';
import { scoreVisit } from '../../../audits/scoring.ts';
import { parseTemplate } from '../../../audits/template-schema.ts';
import type { ParseResult } from '../../../audits/validation-issues.ts';
import { UsageError, type Command } from '../command.ts';

class BadInput extends Error {}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new BadInput(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BadInput(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function valid<T>(file: string, result: ParseResult<T>): T {
  if (result.ok) return result.value;
  throw new BadInput(result.issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n'));
}

export const command: Command = {
  summary: 'Score a scorecard: template + answers JSON in, score JSON out',
  usage: 'rivalscope score TEMPLATE.json ANSWERS.json',
  async run(args) {
    if (args.length !== 2) throw new UsageError('expected TEMPLATE.json and ANSWERS.json');
    const [templateFile = '', answersFile = ''] = args;
    try {
      const template = valid(templateFile, parseTemplate(await readJson(templateFile)));
      const answers = valid(answersFile, parseAnswers(template, await readJson(answersFile)));
      console.log(JSON.stringify(scoreVisit(template, answers), null, 2));
      return 0;
    } catch (err) {
      if (!(err instanceof BadInput)) throw err;
      console.error(err.message);
      return 2;
    }
  },
};
