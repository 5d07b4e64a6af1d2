import { api } from '../shared/http';

export interface Agent {
  id: string;
  name: string;
  email: string;
  status: string;
  departmentIds: string[];
}

export interface Department {
  id: string;
  name: string;
}

/** Names of agents and departments, read once at login (and again after a reconnect). */
export class Directory {
  agents = new Map<string, Agent>();
  departments = new Map<string, Department>();

  async load(base: string, token: string): Promise<void> {
    const [agents, departments] = await Promise.all([
      api<Agent[]>(base, 'GET', '/api/v1/agents', token),
      api<Department[]>(base, 'GET', '/api/v1/departments', token),
    ]);
    this.agents = new Map(agents.map((a) => [a.id, a]));
    this.departments = new Map(departments.map((d) => [d.id, d]));
  }

  agentName(id: string | null | undefined): string {
    return (id && this.agents.get(id)?.name) || 'Agent';
  }

  departmentName(id: string | null | undefined): string {
    return (id && this.departments.get(id)?.name) || 'No department';
  }
}
