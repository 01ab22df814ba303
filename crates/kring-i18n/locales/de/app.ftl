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
