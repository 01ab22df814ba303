app-no-profile = Kring ist noch nicht eingerichtet: wählen Sie zuerst Ihre Rolle, Ihren Namen und Ihre E-Mail-Adresse.
# A command that stopped before it answered (it panicked); $cause is the runtime's own words.
app-operation-stopped = Der Vorgang wurde abgebrochen: { $cause }
app-demo-store = Dies ist die Demo: ihre Karten sind erfunden, verlassen diesen Computer nie und bleiben von Ihren eigenen getrennt, daher kann sie nicht { $kind ->
    [exported] exportiert
    [exported-as-a-kpi-report] als Kennzahlenbericht exportiert
    [exported-as-a-calendar] als Kalender exportiert
    [exported-as-a-graph-file] als Graphdatei exportiert
    [exported-as-a-subject-access-report] als Auskunftsbericht exportiert
    [exported-as-a-transparency-register] als Transparenzregister exportiert
    [exported-as-contacts] als Kontakte exportiert
    [restored-from-a-backup] aus einer Sicherung wiederhergestellt
    [synced] synchronisiert
    [used-to-invite-a-member] zum Einladen eines Mitglieds verwendet
   *[other] { $action }
} werden. Verlassen Sie die Demo (die Schaltfläche im Banner oben), um dies mit Ihrem eigenen Netzwerk zu tun.
member-awaiting-approval = wartet darauf, dass ein/e Netzwerkmanager/in diesen Datenspeicher genehmigt
handover-reason = { $sentence ->
    [priority] vorrangiger Stakeholder von { $names }
    [accountable] in einem Netzwerkteam dafür verantwortlich
    [looked_after] betreut von { $names }
    [known_by_nobody_else] niemand sonst kennt diesen Stakeholder
    [known_weakly] Kolleg/innen kennen ihn nur schwach
   *[going_cold] abkühlend
}
app-capture-choose-files = Wählen Sie zuerst eine oder mehrere Besprechungseinladungen oder Kalenderexporte (.ics) oder gespeicherte E-Mails (.eml).

# Refusals and failures of the app's commands (kring-api), said in the app's language.
app-demo-busy = Die Demo ist noch beschäftigt: Versuchen Sie gleich noch einmal, sie zu entfernen.
app-store-busy = Kring arbeitet noch mit dem Datenspeicher (vielleicht läuft eine Synchronisierung oder ein Import): Es wurde nichts verdichtet. Versuchen Sie es erneut, wenn sie abgeschlossen ist.
app-card-list-failed = Die Kartenliste konnte nicht aufgebaut werden. Schließen Sie Kring und öffnen Sie es erneut; geschieht es wieder, führen Sie `kring check` aus.
app-report-extension = Speichern Sie den Bericht als .html (eine Seite zum Übergeben) oder .json (für Programme).
app-report-not-written = Der Bericht konnte nicht geschrieben werden: { $cause }
app-request-in-future = Der Tag, an dem die Anfrage einging, kann nicht in der Zukunft liegen.
app-not-in-graph = { $id } ist nicht im Netzwerkgraphen (diese Karte gibt es nicht, oder sie ist privat oder gelöscht).
app-not-a-networker = { $id } ist kein Netzwerkmitglied.
app-picture-not-in-sync-folder = Das Bild zeigt auch Ihre privaten Karten und wird daher nicht im Synchronisationsordner ({ $folder }) gespeichert, den Kolleginnen und Kollegen lesen: Wählen Sie einen eigenen Ordner.
app-picture-not-base64 = Das Bild ist kein gültiges Base64.
app-not-a-card-id = „{ $value }“ ist keine Karten-ID.
app-not-a-date = „{ $value }“ ist kein Datum (JJJJ-MM-TT).
app-not-a-moment = „{ $value }“ ist kein Datum mit Uhrzeit.
app-name-needed = Ihr Name wird benötigt: Kolleginnen und Kollegen sehen ihn bei dem, was Sie teilen.
app-name-empty = Ihr Name darf nicht leer sein.
app-card-gone = Diese Karte gibt es nicht mehr.
app-relationship-not-shown = Die Beziehung wurde gespeichert, kann aber nicht angezeigt werden; öffnen Sie die Karte erneut.
app-log-with-nobody = Wählen Sie, mit wem der Kontakt war.
app-follow-up-due-missing = Geben Sie der Wiedervorlage ein Fälligkeitsdatum.
app-note-empty = Schreiben Sie zuerst die Notiz.
app-choose-file = Wählen Sie zuerst eine Datei.
app-choose-bundles = Wählen Sie zuerst eine oder mehrere .kring-Dateien.
app-file-unreadable = { $path } kann nicht gelesen werden: { $cause }
app-file-unwritable = { $path } kann nicht geschrieben werden: { $cause }
