import { type ReactNode, useEffect, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router-dom";
import { useAuth, useMe } from "../auth/AuthProvider";
import { Button } from "./Button";
import { ConnectorProblemBanner } from "./ConnectorProblemBanner";
import { Icon, type IconName } from "./Icon";

const NAV: { heading: string; links: { to: string; label: string; icon: IconName; end?: boolean }[] }[] = [
  { heading: "Overview", links: [{ to: "/", label: "Dashboard", icon: "dashboard", end: true }] },
  {
    heading: "Reports",
    links: [{ to: "/reports/webinars", label: "Webinars", icon: "video" }],
  },
  {
    heading: "Marketing",
    links: [
      { to: "/prospects", label: "Prospects", icon: "users" },
      { to: "/forms", label: "Forms", icon: "form" },
      { to: "/lists", label: "Lists", icon: "list" },
      { to: "/tags", label: "Tags", icon: "tag" },
      { to: "/rules", label: "Automation rules", icon: "activity" },
    ],
  },
  {
    heading: "Admin",
    links: [
      { to: "/connectors", label: "Connectors", icon: "plug" },
      { to: "/scoring", label: "Scoring rules", icon: "star" },
      { to: "/exclusions", label: "Exclusions", icon: "eye" },
      { to: "/sync", label: "Sync activity", icon: "activity" },
      { to: "/settings/branding", label: "Form branding", icon: "form" },
      { to: "/settings", label: "Settings", icon: "sliders", end: true },
    ],
  },
  {
    heading: "Integrations",
    links: [
      { to: "/integrations/endpoints", label: "Outbound events", icon: "external" },
      { to: "/integrations/tokens", label: "API tokens", icon: "key" },
    ],
  },
];

export function AppShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useAuth();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // On a narrow screen the navigation folds behind a menu button (CSS shows the button only there).
  const [menuOpen, setMenuOpen] = useState(false);

  // A route change moves focus to the page, so screen-reader users hear the new page's heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the path matters.
  useEffect(() => {
    setMenuOpen(false);
    mainRef.current?.querySelector("h1")?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar" data-menu-open={menuOpen}>
        <div className="sidebar-top">
          <NavLink to="/" className="brand" aria-label="Webinar Sync home">
            <span className="brand-mark" aria-hidden="true">
              <Icon name="video" size={16} />
            </span>
            Webinar Sync
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Icon name={menuOpen ? "x" : "menu"} size={18} />
            <span>Menu</span>
          </button>
        </div>
        <nav id="main-nav" aria-label="Main" className="stack" style={{ gap: 18 }}>
          {NAV.map((group) => (
            <div className="nav-group" key={group.heading}>
              <span className="nav-heading">{group.heading}</span>
              {group.links.map((link) => (
                <NavLink key={link.to} to={link.to} end={link.end} className="nav-link">
                  <Icon name={link.icon} size={17} />
                  {link.label}
                </NavLink>
              ))}
            </div>
          ))}
        </nav>
        <div className="sidebar-footer">
          <span className="who" title={me.user.email}>
            {me.user.name ?? me.user.email}
          </span>
          <span className="account">{me.account.name}</span>
          <Button variant="ghost" size="sm" icon="logout" onClick={() => void logout()}>
            Log out
          </Button>
        </div>
      </aside>
      <main className="main" id="main" ref={mainRef}>
        <div className="content">
          <ConnectorProblemBanner />
          {children}
        </div>
      </main>
    </div>
  );
}
