/** The skills a set of scenarios practise (their `skills` metadata), once each, sorted: for skill filters. */
export const skillsOf = (scenarios: { skills: string[] }[]) => [...new Set(scenarios.flatMap((s) => s.skills))].sort();
