app-no-profile = Kring is nog niet ingesteld: kies eerst uw rol, naam en e-mailadres.
# A command that stopped before it answered (it panicked); $cause is the runtime's own words.
app-operation-stopped = De bewerking is gestopt: { $cause }
app-demo-store = Dit is de demo: de kaarten ervan zijn fictief, verlaten deze computer nooit en blijven gescheiden van de uwe, dus ze kan niet worden { $kind ->
    [exported] geëxporteerd
    [exported-as-a-kpi-report] geëxporteerd als kpi-rapport
    [exported-as-a-calendar] geëxporteerd als agenda
    [exported-as-a-graph-file] geëxporteerd als graafbestand
    [exported-as-a-subject-access-report] geëxporteerd als inzageverslag
    [exported-as-a-transparency-register] geëxporteerd als transparantieregister
    [exported-as-contacts] geëxporteerd als contacten
    [restored-from-a-backup] teruggezet uit een reservekopie
    [synced] gesynchroniseerd
    [used-to-invite-a-member] gebruikt om een lid uit te nodigen
   *[other] { $action }
}. Verlaat de demo (de knop in de balk bovenaan) om dit met uw eigen netwerk te doen.
member-awaiting-approval = wacht tot een netwerkmanager deze databank goedkeurt
handover-reason = { $sentence ->
    [priority] prioritaire stakeholder van { $names }
    [accountable] verantwoordelijk ervoor in een netwerkteam
    [looked_after] opgevolgd door { $names }
    [known_by_nobody_else] niemand anders kent deze stakeholder
    [known_weakly] collega's kennen hen maar zwak
   *[going_cold] bekoelend
}
app-capture-choose-files = Kies eerst een of meer vergaderuitnodigingen of agenda-exports (.ics) of opgeslagen e-mails (.eml).
