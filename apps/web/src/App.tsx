import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useAuth } from "./auth/AuthProvider";
import { AppShell } from "./components/AppShell";
import { ErrorState, LoadingState } from "./components/States";
import { safeNext } from "./lib/safe-next";
import { LoginPage } from "./pages/auth/LoginPage";
import { ConnectorsPage } from "./pages/connectors/ConnectorsPage";
import { SyncActivityPage } from "./pages/connectors/SyncActivityPage";
import { DashboardPage } from "./pages/dashboard/DashboardPage";
import { BrandingPage } from "./pages/forms/BrandingPage";
import { FormEditPage } from "./pages/forms/FormEditPage";
import { FormsPage } from "./pages/forms/FormsPage";
import { ApiTokensPage } from "./pages/integrations/ApiTokensPage";
import { EndpointsPage } from "./pages/integrations/EndpointsPage";
import { DynamicListEditPage } from "./pages/lists/DynamicListEditPage";
import { ListsPage } from "./pages/lists/ListsPage";
import { TagsPage } from "./pages/lists/TagsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProspectPage } from "./pages/prospects/ProspectPage";
import { ProspectsPage } from "./pages/prospects/ProspectsPage";
import { WebinarPage } from "./pages/reports/WebinarPage";
import { WebinarProspectsPage } from "./pages/reports/WebinarProspectsPage";
import { WebinarsReportPage } from "./pages/reports/WebinarsReportPage";
import { ExclusionsPage } from "./pages/rules/ExclusionsPage";
import { RuleEditPage, RulesPage } from "./pages/rules/RulesPage";
import { ScoringRulesPage } from "./pages/scoring/ScoringRulesPage";
import { SettingsPage } from "./pages/settings/SettingsPage";

export function App() {
  const { state, retry } = useAuth();
  const location = useLocation();

  if (state.status === "loading") {
    return (
      <div className="auth-page">
        <div className="auth-card">
          <LoadingState label="Checking your session…" rows={3} />
        </div>
      </div>
    );
  }
  if (state.status === "error") {
    return (
      <div className="auth-page">
        <div className="auth-card">
          <ErrorState title="Webinar Sync is not answering" error={state.error} onRetry={retry} />
        </div>
      </div>
    );
  }
  if (state.status === "anonymous") {
    if (location.pathname === "/login") return <LoginPage expired={state.expired} />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`} replace />;
  }

  return (
    <Routes>
      <Route path="/login" element={<LoginRedirect />} />
      <Route
        path="*"
        element={
          <AppShell>
            <Routes>
              <Route index element={<DashboardPage />} />
              <Route path="connectors" element={<ConnectorsPage />} />
              <Route path="reports/webinars" element={<WebinarsReportPage />} />
              <Route path="reports/webinars/:id" element={<WebinarPage />} />
              <Route path="reports/webinars/:id/prospects" element={<WebinarProspectsPage />} />
              <Route path="prospects" element={<ProspectsPage />} />
              <Route path="prospects/:id" element={<ProspectPage />} />
              <Route path="forms" element={<FormsPage />} />
              <Route path="forms/new" element={<FormEditPage />} />
              <Route path="forms/:id" element={<FormEditPage />} />
              <Route path="scoring" element={<ScoringRulesPage />} />
              <Route path="lists" element={<ListsPage />} />
              <Route path="lists/:id" element={<ListsPage />} />
              <Route path="lists/new" element={<DynamicListEditPage />} />
              <Route path="lists/:id/edit" element={<DynamicListEditPage key="edit" />} />
              <Route path="rules" element={<RulesPage />} />
              <Route path="rules/new" element={<RuleEditPage />} />
              <Route path="rules/:id" element={<RuleEditPage key="edit" />} />
              <Route path="exclusions" element={<ExclusionsPage />} />
              <Route path="tags" element={<TagsPage />} />
              <Route path="tags/:id" element={<TagsPage />} />
              <Route path="sync" element={<SyncActivityPage />} />
              <Route path="settings/branding" element={<BrandingPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="integrations/endpoints" element={<EndpointsPage />} />
              <Route path="integrations/endpoints/:id" element={<EndpointsPage />} />
              <Route path="integrations/tokens" element={<ApiTokensPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppShell>
        }
      />
    </Routes>
  );
}

/** Already logged in: /login goes where the user was headed. */
function LoginRedirect() {
  const params = new URLSearchParams(useLocation().search);
  return <Navigate to={safeNext(params.get("next"))} replace />;
}
