package org.cwmpacs.ui;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.cwmpacs.core.http.Exchange;
import org.cwmpacs.core.http.Request;
import org.cwmpacs.ui.api.DeviceApi;
import org.cwmpacs.ui.api.DevicesApi;
import org.cwmpacs.ui.api.ResourcesApi;
import org.cwmpacs.ui.api.UiConfigApi;
import org.cwmpacs.ui.auth.Accounts;
import org.cwmpacs.ui.auth.Authorizer;
import org.cwmpacs.ui.auth.UiSessions;

/**
 * {@code /api/...} for a logged-in user, GenieACS's UI API: {@code devices}, {@code devices/<id>[/tags|/tasks]},
 * the other resources ({@link ResourcesApi#RESOURCES}), and {@code ui-config} (the pages' layout). Every call is
 * checked against the user's roles' permissions here, whatever the page shows.
 */
final class UiApi {
    private final Accounts accounts;
    private final DevicesApi devices;
    private final DeviceApi device;
    private final ResourcesApi resources;
    private final UiConfigApi uiConfig;
    private final org.cwmpacs.ui.api.DevicesCsv csv;
    private final org.cwmpacs.ui.api.FileDownload download;
    private final org.cwmpacs.ui.api.PasswordApi passwords;
    private final org.cwmpacs.core.http.Ping ping = new org.cwmpacs.core.http.Ping();

    UiApi(UiServices services, Accounts accounts, UiSessions sessions, Executor executor) {
        this.accounts = accounts;
        this.devices = new DevicesApi(services.documents(), accounts, services.queryTimeout());
        this.device = new DeviceApi(services, executor);
        this.resources = new ResourcesApi(services, sessions);
        this.uiConfig = new UiConfigApi(services.documents());
        this.csv = new org.cwmpacs.ui.api.DevicesCsv(services.documents(), services.queryTimeout());
        this.download = new org.cwmpacs.ui.api.FileDownload(services, resources);
        this.passwords = new org.cwmpacs.ui.api.PasswordApi(services.documents(), sessions);
    }

    void handle(Request request, Exchange exchange, UiSessions.Session session) throws InterruptedException {
        String[] raw = request.path().substring("/api/".length()).split("/", -1);
        String[] parts = new String[raw.length];
        try {
            for (int i = 0; i < raw.length; i++) {
                parts[i] = Request.decode(raw[i]);
            }
        } catch (IllegalArgumentException e) {
            exchange.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        String resource = parts[0];
        boolean get = request.method().equals(HttpMethod.GET);
        if (resource.equals("ui-config") && parts.length == 1 && get) {
            exchange.json(HttpResponseStatus.OK, uiConfig.current());
            return;
        }
        Authorizer authorizer = Authorizer.forRoles(session.roles(), accounts.permissions());
        if (resource.equals("ping") && parts.length == 2 && get) {
            if (!parts[1].matches("[a-zA-Z0-9\\-_.:]{1,253}")) {
                exchange.error(HttpResponseStatus.BAD_REQUEST, "'" + parts[1] + "' is not a host name or address");
            } else {
                ping.handle(exchange, parts[1]);
            }
        } else if (resource.equals("users") && parts.length == 3 && parts[2].equals("password")
                && request.method().equals(HttpMethod.PUT)) {
            passwords.handle(request, exchange, authorizer, session, parts[1]);
        } else if (resource.equals("blob") && parts.length == 3 && parts[1].equals("files") && get) {
            download.handle(exchange, authorizer, parts[2]);
        } else if (resource.equals("devices.csv") && parts.length == 1 && get) {
            csv.handle(request, exchange, authorizer);
        } else if (resource.equals("devices")) {
            if (parts.length == 1 && (get || request.method().equals(HttpMethod.HEAD))) {
                devices.handle(request, exchange, session);
            } else if (parts.length == 2 && get && parts[1].endsWith(".csv")) {
                // GenieACS's /api/devices/<id>.csv: every parameter of one device
                device.handle(request, exchange, authorizer, parts[1].substring(0, parts[1].length() - 4), "csv",
                        session.username());
            } else if (parts.length >= 2 && parts.length <= 4) {
                device.handle(request, exchange, authorizer, parts[1], parts.length >= 3 ? parts[2] : "",
                        parts.length == 4 ? Optional.of(parts[3]) : Optional.empty(), session.username());
            } else {
                notFound(request, exchange);
            }
        } else if (ResourcesApi.RESOURCES.contains(resource) && parts.length <= 2) {
            resources.handle(request, exchange, authorizer, resource,
                    parts.length == 2 ? Optional.of(parts[1]) : Optional.empty(), session.username());
        } else {
            notFound(request, exchange);
        }
    }

    private static void notFound(Request request, Exchange exchange) {
        exchange.error(HttpResponseStatus.NOT_FOUND, "no such API: " + request.method() + " " + request.path());
    }
}
