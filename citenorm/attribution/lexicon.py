"""Word lists for source noun phrases: titles, organisation heads, media, places, vague nouns.

Plain frozensets of lower-cased words, so a lookup is one hash.
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Function words and common verbs that end a noun phrase when walking over tokens.
STOP = _set(
    """is are was were be been being has have had do does did will would can could may might
    must should shall that which who whom whose what when where while why how if because as
    than then but or nor so yet not no to in on at by with from into onto about after before
    since during over under between among through without also it its this these those there
    here we i you they he she him her them us me our your my however meanwhile although though
    though whether both either neither all each every such only just even still already again
    once just earlier later recently now today yesterday tomorrow last next this near far very
    more most less least much many some any other another against amid across around toward
    towards upon within via per like unlike despite until till s said says say told tells
    added reported announced confirmed according"""
)
DETERMINERS = _set("the a an its his her their our one two three several some many most")
CONNECTORS = _set("of for and & de del der van von bin al la le du da dos y por para af")
#: Lower-case particles inside personal names ("Khalid bin Saif al-Harthy", "Ludwig van Beethoven").
NAME_PARTICLES = _set(
    "bin ibn bint ben abu al el van von der den de del della di da dos du la le ó ní nic mac uí ua"
    " af"
)
PRONOUNS = _set("he she they it who we i i’ve i've i’m i'm i’d i'd we’ve we've they’ve they've")
ADVERBS = _set(
    """however meanwhile separately also though instead nevertheless moreover still later
    earlier previously then too indeed further similarly likewise"""
)

#: Capitalised words that are titles rather than parts of a personal name.
TITLES = _set(
    """president vice prime minister secretary assistant deputy undersecretary under state
    defense defence foreign finance unification interior home justice trade commerce energy
    chief director general gen. lt. col. maj. adm. sgt. capt. ambassador sen. senator rep.
    representative gov. governor mayor chairman chairwoman chair spokesman spokeswoman
    spokesperson commissioner commander professor prof. dr. mr. mrs. ms. judge justice attorney
    king queen prince premier chancellor leader pope cardinal rev. speaker marshal admiral
    colonel lieutenant major sergeant captain envoy special executive ceo cfo head analyst
    senior former acting first supreme council intelligence national security adviser advisor
    lawmaker legislator minority majority whip officer official researcher fellow editor
    correspondent reporter columnist economist ministry department agency office army navy
    force marine corps affairs dr prof mr mrs ms gen sen rep gov lt col maj sgt capt adm
    shri sri smt shrimati miss sir dame lord lady sheikh pm mp mla mep sheriff supervisor
    councilmember councilman councilwoman alderman superintendent provost trustee
    inspector detective constable det insp supt dci coach quarterback striker midfielder
    defender goalkeeper manager pitcher linebacker receiver owner boss skipper
    director-general secretary-general attorney-general auditor-general solicitor-general
    governor-general inspector-general surgeon-general mk prosecutor magistrate coroner
    dig igp aig ssp dsp dcp acp sho councillor cllr assoc asst datuk dato dato’ dato' datin
    tunku tengku haji hajah alhaji puan encik defenceman defenseman winger goaltender goalie"""
) | _set(
    """south north east west korean korea's israeli american japanese chinese iranian russian
    u.s. us un u.n. eu british french german ukrainian taiwanese european israel's iran's
    japan's china's russia's korea’s israel’s iran’s japan’s china’s russia’s nato iaea cia
    fbi nis pentagon white house kremlin"""
)
#: Ministerial portfolios: capitalised after a title ("Minister for Children Ciarán …"),
#: never part of the name that follows.
PORTFOLIOS = _set(
    """children health education finance housing transport agriculture environment culture
    tourism sport labour labor employment enterprise communications industry science
    technology climate equality integration youth disability welfare economy planning
    infrastructure heritage fisheries"""
)
#: Words that make a capitalised run an organisation.
ORG_HEADS = _set(
    """agency service ministry department institute institution center centre committee council
    branch office command railway railways railroad confederation forces army navy party
    assembly association university college times post
    journal news daily herald press network group foundation bank fund commission bureau court
    government administration pentagon kremlin corporation company corp inc ltd organization
    organisation union league alliance program programme studies studio broadcasting broadcaster
    tribune telegraph gazette monitor observer chronicle review magazine radio television tv
    channel cabinet parliament congress senate house staff school society federation authority
    board police guard embassy mission secretariat headquarters ilbo shimbun force corps
    international watch semiconductor semiconductors electronics technologies technology
    systems motors airlines airways pharmaceuticals holdings capital securities partners
    ventures laboratory laboratories labs research panel observatory district coalition trust
    movement initiative forum caucus front collective cooperative consortium partnership
    club exchange industry equities data analytics insights consulting associates resources
    logistics entertainment records pictures games ledger courier bulletin dispatch sentinel
    inquirer examiner enquirer register globe treasury municipality guild division"""
)
#: Known media and agencies written without any organisation word.
KNOWN_ORGS = _set(
    """reuters bloomberg yonhap xinhua kcna afp ap upi bbc cnn nbc cbs abc npr pbs tass
    interfax kyodo ansa efe dpa nhk irna fars tasnim isna nikkei axios politico rfa voa
    iaea cia fbi nis dia nsa kcna nato un unicef who"""
)
MEDIA_WORDS = _set(
    """news newspaper daily times post journal herald press agency tribune telegraph gazette
    broadcasting broadcaster radio television tv channel magazine wire ilbo shimbun media
    reuters bloomberg yonhap xinhua kcna afp ap upi bbc cnn nbc cbs abc npr pbs tass interfax
    kyodo ansa efe dpa nhk irna fars tasnim nikkei axios politico rfa voa diplomat ledger
    courier bulletin dispatch sentinel inquirer examiner enquirer globe online"""
)
#: Multi-word organisations that read like personal names or lack an organisation word.
ORG_NAMES = (
    "Morgan Stanley",
    "Goldman Sachs",
    "JPMorgan Chase",
    "Wells Fargo",
    "Deutsche Bank",
    "Human Rights Watch",
    "Amnesty International",
    "Transparency International",
    "Doctors Without Borders",
    "Red Cross",
    "Red Crescent",
    "Islamic State",
    "Muslim Brotherhood",
    "Sinn Féin",
    "Fianna Fáil",
    "Fine Gael",
)
#: Lower-case heads after a capitalised name that still name that organisation ("the Tuoi
#: Tre newspaper", "the UKMTO agency", "LSEG data"); the media ones make it a medium.
GENERIC_TAILS = _set(
    """newspaper daily tabloid broadcaster channel network outlet website magazine agency
    news data figures statistics estimates survey think tank group centre center union
    platform"""
)
MEDIA_TAILS = _set("newspaper daily tabloid broadcaster channel network outlet website magazine")
#: Hyphenated modifiers that are not part of the name they precede ("the Houthi-run Saba").
MODIFIER_SUFFIXES = (
    "-run", "-based", "-backed", "-owned", "-led", "-controlled", "-affiliated", "-funded",
    "-linked", "-aligned", "-allied", "-held", "-supported",
)
#: Vietnamese family names (family first; later mentions use the last given name).
VIETNAMESE_FAMILY = _set(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh
    truong doan luong mai cao"""
)

#: Multi-word media names without an organisation word.
MEDIA_NAMES = (
    "Radio Free Asia",
    "Voice of America",
    "Al Jazeera",
    "The Diplomat",
    "NK News",
    "Daily NK",
    "38 North",
    "Korea JoongAng Daily",
    "JoongAng Ilbo",
    "Chosun Ilbo",
    "Dong-A Ilbo",
    "Korea Herald",
    "Korea Times",
    "Asahi Shimbun",
    "Yomiuri Shimbun",
    "Mainichi Shimbun",
    "Japan Times",
    "South China Morning Post",
    "Global Times",
    "People's Daily",
    "Los Angeles Times",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Financial Times",
    "Associated Press",
    "Yonhap News Agency",
    "Kyodo News",
    "Rodong Sinmun",
    "Nikkei Asia",
    "Tehran Times",
    "Times of Israel",
    "Haaretz",
    "Radio-Canada",
    "O Globo",
    "Folha de S.Paulo",
    "Le Monde",
    "Der Spiegel",
    "El País",
    "Al-Ahram",
    "Al Arabiya",
    "La Vanguardia",
    "La Repubblica",
    "Le Figaro",
    "El Mundo",
    "Le Parisien",
    "Libération",
    "Les Echos",
    "Le Soir",
    "De Standaard",
    "Corriere della Sera",
    "Süddeutsche Zeitung",
    "Die Zeit",
    "La Nación",
    "Clarín",
    "Jerusalem Post",
)
#: Places used as metonyms for governments ("Pyongyang said"): vague, not named sources.
#: Seats of government that stand for it, like a capital ("Downing Street said"): vague.
SEATS = frozenset(("downing street", "number 10", "no 10", "no. 10", "élysée", "elysee",
                   "élysée palace", "elysee palace", "blue house", "zhongnanhai"))
PLACES = _set(
    """korea iran israel china japan russia ukraine syria pakistan india taiwan america
    pyongyang seoul tehran jerusalem beijing tokyo moscow kyiv kiev washington damascus
    london paris berlin brussels taipei hanoi manila canberra ottawa riyadh ankara cairo
    states u.s. us britain france germany europe turkey iraq egypt yemen lebanon jordan qatar
    afghanistan bangladesh nigeria kenya ethiopia brazil mexico canada australia vietnam
    indonesia philippines thailand malaysia myanmar spain italy poland sudan libya somalia
    venezuela colombia argentina cuba dhaka islamabad delhi baghdad beirut amman doha kabul
    nairobi lagos abuja jakarta bangkok brasilia bogota caracas havana warsaw rome madrid
    tripoli khartoum sanaa kathmandu colombo yangon kazakhstan uzbekistan kyrgyzstan tajikistan
    turkmenistan georgia armenia azerbaijan belarus moldova ireland scotland wales england
    astana tashkent bishkek dushanbe tbilisi yerevan baku minsk dublin quebec ontario alberta
    manitoba saskatchewan toronto montreal vancouver gatineau california texas florida arizona
    ohio michigan virginia"""
)
DEMONYMS = _set(
    """south north korean israeli american japanese chinese iranian russian ukrainian syrian
    british french german taiwanese pakistani indian european western u.s. us military"""
)
#: A person by what they do, singular: a vague source ("a trader"), and a role before a name
#: at the start of a sentence ("Retiree Ho Beng Chuan, 68, said"), never part of it.
PEOPLE_NOUNS = _set(
    """retiree commuter pensioner motorist shopper resident trader investor banker worker
    doctor nurse teacher student parent voter soldier protester shareholder customer passenger
    survivor villager campaigner supporter opponent firefighter rescuer medic paramedic"""
)
#: Head nouns of vague sources ("intelligence sources", "a Japanese newspaper").
VAGUE_HEADS = _set(
    """source sources official officials analyst analysts expert experts diplomat diplomats
    observer observers people person insider insiders newspaper newspapers media outlet
    outlets report reports estimate estimates intelligence spokesman spokeswoman spokesperson
    spokespeople government governments authorities military ministry agency service office
    lawmaker lawmakers legislator legislators researcher researchers scientist scientists
    specialist specialists critic critics resident residents witness witnesses aide aides
    adviser advisers advisor advisors minister ministers commander commanders countries
    nations country nation regime leadership administration state-media documents data
    study studies survey polls poll watchers investigators prosecutors police activists
    groups group organizations traders investors economists protesters demonstrators workers
    farmers doctors nurses teachers students parents voters fans soldiers troops militants
    rebels bankers executives shareholders customers users passengers survivors relatives
    families neighbours neighbors villagers locals campaigners supporters opponents
    firefighters rescuers medics paramedics friends colleagues family classmates coworkers
    co-workers peers mourners admirers fans district club company firm council committee
    board department team union party court university school hospital bank city county
    trust coalition association federation league municipality ngo centre center executive
    farmer neighbour neighbor colleague classmate mourner commuters retirees pensioners
    motorists shoppers"""
) | PEOPLE_NOUNS
#: Name suffixes: generational ones stay in the name ("Marcos Jr."), post-nominal letters
#: go to the role ("Jonathan Price KC").
GENERATIONAL = _set("jr. jr sr. sr ii iii iv")
POST_NOMINALS = _set("kc qc mbe obe cbe phd md esq. esq")
WEEKDAY_MONTH = _set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december"""
)
