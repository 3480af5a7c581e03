"""Behaviour of the inline-attribution extractor on realistic news sentences."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks.attributions import Score, cases, score
from citenorm.attribution import extract_attributions
from citenorm.attribution.metadata import read_metadata
from citenorm.attribution.reldates import resolve
from citenorm.emit.csl import to_csl_item
from citenorm.model import Reference

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "news"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def sources(text: str) -> list[Reference]:
    return [r for r in extract_attributions(text).references if r.origin == "attribution"]


def display(ref: Reference) -> str:
    n = ref.names["author"][0]
    return n.literal or f"{n.family} {n.given}"


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "role", "org"),
    [
        ("Israeli intelligence chief Amos Yadlin said in April that the shipment had arrived.",
         "Yadlin Amos", "person", "Israeli intelligence chief", ""),
        ("“We are worried,” said Uzi Rubin, a former head of the Israeli missile defense program.",
         "Rubin Uzi", "person", "former head of the Israeli missile defense program", ""),
        ("Kim Tae-woo, a South Korean analyst with the governmental Korea Institute for Defense "
         "Analyses in Seoul, said, “There is a high probability.”",
         "Kim Tae-woo", "person", "South Korean analyst", "Korea Institute for Defense Analyses"),
        ("Matthew Miller, a U.S. State Department spokesperson, said last Tuesday that talks "
         "would resume.", "Miller Matthew", "person", "U.S. State Department spokesperson",
         "U.S. State Department"),
        ("Exports rose, according to South Korean Defense Minister Shin Won-sik in February "
         "this year.", "Shin Won-sik", "person", "South Korean Defense Minister", ""),
        ("Testifying before a Senate committee last week, Assistant Secretary of State "
         "Christopher Hill confirmed that observers were present.", "Hill Christopher",
         "person", "Assistant Secretary of State", ""),
        ("Sen. Roger Wicker, the committee's ranking Republican, argued that the sanctions failed.",
         "Wicker Roger", "person", "Sen.; committee's ranking Republican", ""),
        ("Chinese Foreign Ministry spokesperson Mao Ning insisted that the patrols were legal.",
         "Mao Ning", "person", "Chinese Foreign Ministry spokesperson", "Chinese Foreign Ministry"),
        ("The delegation left on Tuesday, the Korean Central News Agency said, without details.",
         "Korean Central News Agency", "article-newspaper", "", ""),
        ("South Korea’s spy agency, the National Intelligence Service, said it was looking.",
         "National Intelligence Service", "document", "South Korea’s spy agency", ""),
        ("In a report published in March, the Congressional Research Service wrote that "
         "enforcement was uneven.", "Congressional Research Service", "document", "", ""),
    ],
)
def test_construction(sentence: str, name: str, kind: str, role: str, org: str) -> None:
    refs = sources(sentence)
    assert len(refs) == 1, [display(r) for r in refs]
    ref = refs[0]
    extra = dict(ref.extra)
    assert display(ref) == name
    assert kind in (extra["source-kind"], ref.csl_type)
    assert extra.get("role", "") == role
    assert extra.get("organization", "") == org


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "role", "org"),
    [
        ("Houthi military spokesman Abdulaziz al-Hamdani said in a televised address that the "
         "ship was hit.", "al-Hamdani Abdulaziz", "person", "Houthi military spokesman", ""),
        ("Omani Foreign Minister Khalid bin Saif al-Harthy said talks continued.",
         "al-Harthy Khalid bin Saif", "person", "Omani Foreign Minister", ""),
        ("Reporting from Sanaa, Al Jazeera’s Nasser al-Rubaie said residents heard blasts.",
         "al-Rubaie Nasser", "person", "", "Al Jazeera"),
        ("“Nobody wins,” said Rep. Darnell Hughes of Maryland, the top Democrat on the panel.",
         "Hughes Darnell", "person", "Rep., Maryland", ""),
        ("“It moved,” said Prof. Hiroshi Tanaka of Kyoto University.",
         "Tanaka Hiroshi", "person", "Prof", "Kyoto University"),
        ("Halyna Petrenko, 67, whose flat is near the port, told the BBC she was woken.",
         "Petrenko Halyna", "person", "", ""),
        ("Rep. Angela Whitfield, R-Ga., who voted against the bill, said it failed.",
         "Whitfield Angela", "person", "Rep.", ""),
        ("Maya Castellanos, president of the Center for Fiscal Accountability, a budget "
         "watchdog, called the patches “governing by cliff edge.”", "Castellanos Maya",
         "person", "president of the Center for Fiscal Accountability",
         "Center for Fiscal Accountability"),
        ("The National Alliance of Federal Workers, which represents about 90,000 employees, "
         "said its members suffer.", "National Alliance of Federal Workers", "organization",
         "", ""),
        ("Troops advanced, according to the Institute for the Study of War (ISW), a think tank.",
         "Institute for the Study of War", "organization", "", ""),
        ("The Houthi-run Saba news agency reported that three people were killed.",
         "Saba", "article-newspaper", "", ""),
        ("The Tuoi Tre newspaper reported that he had been expelled.", "Tuoi Tre",
         "article-newspaper", "", ""),
        ("Revenue fell, according to LSEG data.", "LSEG", "organization", "", ""),
        ("Analysts at Morgan Stanley wrote that demand would recover.", "Morgan Stanley",
         "organization", "", ""),
        ("The Ukrainian Air Force said it had shot down 41 drones.", "Ukrainian Air Force",
         "organization", "", ""),
        ("Major General Tran Quoc Hung told reporters the case was closed.", "Tran Quoc Hung",
         "person", "Major General", ""),
    ],
)
def test_held_out_constructions(sentence: str, name: str, kind: str, role: str,
                                org: str) -> None:
    """Constructions the blind fixtures 11-16 first missed, each on its own."""
    test_construction(sentence, name, kind, role, org)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials, an honorific without a period, the same person again
        ("Karnataka's water minister, M.B. Shivakumar Gowda, told reporters it was unfair. "
         "Shri Gowda said more.", ["Gowda M.B. Shivakumar"]),
        # a defined acronym makes an organisation; a plural organisation head
        ("The Dravida Munnetra Kazhagam (DMK) said the bill was unconstitutional. The Centers "
         "for Disease Control and Prevention said cases rose.",
         ["Dravida Munnetra Kazhagam", "Centers for Disease Control and Prevention"]),
        # a descriptor naming a newspaper; "Office on …"
        ("The Brazilian newspaper Folha de S.Paulo reported that the raids began. A 2023 report "
         "by the United Nations Office on Drugs and Crime found that mining grew.",
         ["Folha de S.Paulo", "United Nations Office on Drugs and Crime"]),
        # data from an organisation; an organisation's document
        ("According to data from the Central Water Commission (CWC), five tribunals sit. "
         "According to figures from Deloitte’s Annual Review, wages rose.",
         ["Central Water Commission", "Deloitte"]),
        # asides between the name and the verb: age, home town, state
        ("Doris Lindqvist, 78, of Duluth, Minn., said she was turned away.",
         ["Lindqvist Doris"]),
        # a relative clause holding a comma; a participle after a named subject
        ("GSK, which makes a competing vaccine, Arexvy, said in an email that it had acted. "
         "BJP spokesperson Tarun Chaturvedi hit back, saying the party had waited.",
         ["GSK", "Chaturvedi Tarun"]),
        # a later given-name mention and "he said" after a sentence opened by the person
        ("Talks were held between Prime Minister Shehbaz Sharif and others. PM Shehbaz said "
         "ties would grow.\nBack home, PPP Chairman Bilawal Bhutto Zardari welcomed it. "
         "“This is overdue,” he said.", ["Sharif Shehbaz", "Zardari Bilawal Bhutto"]),
        # "... and said"; a title before a county official
        ("The South Coast Air Quality Management District issued an advisory and said "
         "residents should stay in. Los Angeles County Sheriff Robert Luna told reporters the "
         "roads were closed.", ["South Coast Air Quality Management District", "Luna Robert"]),
        # a particle name mentioned first, then by its family name
        ("Brazilian Environment Minister João Paulo Cavalcanti de Albuquerque described it as "
         "unprecedented. “Now there is nowhere to go,” Albuquerque said.",
         ["Albuquerque João Paulo Cavalcanti"]),
        # "the" inside an organisation's name; a sentence-initial role; a post-nominal
        ("According to the German Association of the Automotive Industry, sales fell. "
         "Quarterback Kyler Murray said he was ready. Jonathan Price KC, for Dalton, told the "
         "court his client was remorseful.",
         ["German Association of the Automotive Industry", "Murray Kyler", "Price Jonathan"]),
        # police ranks without periods; an acronym ending the sentence; generational suffixes
        ("Det Insp Rachel Whitcombe said the inquiry was over. The case was strong, according "
         "to the CPS. President Ferdinand Marcos Jr. said the patrols would continue.",
         ["Whitcombe Rachel", "CPS", "Marcos Ferdinand"]),
        # a month before "report by"; "a note from"; "posted on social media"; plural people
        ("A September report by Ember found that demand fell. Prices will rise, according to "
         "a note from Goldman Sachs. Marvin Harrison Jr. posted on social media that he was "
         "better. Traders said the market was calm.",
         ["Ember", "Goldman Sachs", "Harrison Marvin"]),
        # two organisations after one "according to"; researchers at a university
        ("Classes are shorter, according to the Missouri Department of Elementary and "
         "Secondary Education and the Missouri School Boards' Association. A 2024 study by "
         "researchers at Oregon State University found smaller gains.",
         ["Missouri Department of Elementary and Secondary Education",
          "Missouri School Boards' Association", "Oregon State University"]),
        # a statement from an organisation; someone's office; a lower-case role before a name
        ("A statement from the Show-Me Educators Coalition called the week “a symptom.” "
         "State Sen. Colleen Harker's office said she would refile the bill. "
         "\"We need guards,\" said resident Marisol Vega, a mother of two.",
         ["Show-Me Educators Coalition", "Harker Colleen", "Vega Marisol"]),
        # "the district" after the district was named; a columnist's biography is no source
        ("The Millbrook Unified School District cut the program. In an email, the district "
         "said it was grateful.\nRachel Dunmore writes about education.",
         ["Millbrook Unified School District"]),
        # Irish names and a portfolio after "Minister for"; a party's spokeswoman
        ("Minister for Children Ciarán Ó Súilleabháin said funding would rise. "
         "“It is not enough,” Mr Ó Súilleabháin added. Sinn Féin’s spokeswoman said it was "
         "late.", ["Ó Súilleabháin Ciarán", "Sinn Féin"]),
        # a vague phrase whose appositive names the person; "X, which said"; "described as"
        ("Shortly afterward, Col. Avichay Adraee, the IDF's Arabic-language spokesman, wrote "
         "on X that residents must move. The arrest drew a response from Kazakhstan's Foreign "
         "Ministry, which said it had not been notified. Labour’s spokesman, Aodhán Mac "
         "Giolla Phádraig, described the response as “tone deaf”.",
         ["Adraee Avichay", "Kazakhstan's Foreign Ministry", "Mac Giolla Phádraig Aodhán"]),
        # an office named after a title; a possessive descriptor between name and verb
        ("The Prime Minister's Office (PMO) said the deal was final. The PMO added that talks "
         "were over. Tremblay met his counterpart, Marie-Ève Gagnon. Gagnon, Quebec's minister "
         "responsible for housing, said the province agreed.",
         ["Prime Minister's Office", "Gagnon Marie-Ève"]),
        # a two-word defined short form; company names with plural heads; Dean as a name
        ("The Africa Centres for Disease Control and Prevention (Africa CDC) said cases rose. "
         "Africa CDC added that vaccines were short. Reliance Industries said sales fell. "
         "Collingwood coach Dean Holloway told reporters he would appeal.",
         ["Africa Centres for Disease Control and Prevention", "Reliance Industries",
          "Holloway Dean"]),
        # a person "of" a party with a foreign acronym; outlets: lexicon, digits, a modifier
        ("“It is reckless,” Senator Ricardo Albuquerque of the Liberal Party (PL) wrote on "
         "Tuesday. O Globo reported that they met. TVN24 reported that the drone was a decoy. "
         "State-run Al-Ahram reported that aid would grow. The Marlow Ledger, the student "
         "newspaper, first reported the list.",
         ["Albuquerque Ricardo", "O Globo", "TVN24", "Al-Ahram", "Marlow Ledger"]),
        # a single closing quotation mark before the verb (British style)
        ("‘China knows it,’ said Megan Thorsby, a grain broker in Omaha. La Vanguardia "
         "reported that talks resumed.", ["Thorsby Megan", "La Vanguardia"]),
        # a title-case acronym defined, then used alone; treasury and municipality as heads
        ("The South African Municipal Workers' Union (Samwu) said staff were unpaid. Samwu "
         "warned of a strike. The National Treasury, which withheld funds, said it was "
         "monitoring. The Mangaung Metropolitan Municipality cut supply. In a statement, the "
         "municipality said pumps were fixed.",
         ["South African Municipal Workers' Union", "National Treasury",
          "Mangaung Metropolitan Municipality"]),
        # verbs of argument before a clause; "asked" beside a quotation only
        ("Assistant to the Solicitor General Daniel Whitcomb urged caution. Even so, Whitcomb "
         "contended, the officers acted in good faith. Justice Elena Kagan observed that the "
         "stakes had shrunk. “Who decided?” Justice Ketanji Brown Jackson asked. A trader, who "
         "asked not to be named, said the Bank of Example responded to the news.",
         ["Whitcomb Daniel", "Kagan Elena", "Jackson Ketanji Brown"]),
        # a generic head after an acronym; "the NGO" is no name
        ("The UK Maritime Trade Operations (UKMTO) centre said the crew were safe. A report by "
         "Global Witness found imports rose, which the NGO said showed delay.",
         ["UK Maritime Trade Operations", "Global Witness"]),
        # a role noun opening the sentence; an organisation head after "on" is no weekday
        ("Retiree Ho Beng Chuan, 68, said the signs were unclear. Figures were released by "
         "the Federal Police on Thursday, according to the Federal Police on Thursday.",
         ["Ho Beng Chuan", "Federal Police"]),
        # a source's data shows; analysts at a firm; "the Unite union"; spoken to, no source
        ("Data from LSEG showed shares fell. Lloyd's List Intelligence data shows 37 tankers "
         "waited. Analysts at Bernstein were calmer, writing in a note that demand held. The "
         "Unite union said jobs were at risk. Several commuters who spoke to The Straits "
         "Times said the trains were late. The video shows a crowd.",
         ["LSEG", "Lloyd's List Intelligence", "Bernstein", "Unite"]),
        # a party, district or home town in parentheses; MK as a title; "Le Parisien"
        ("Supervisor Glen Whitacre (R-Catoctin), who wanted less, argued that costs grew. "
         "MK Noa Levinson-Tal (Yesh Atid) said it was wrong. According to Le Parisien, talks "
         "resumed. The Arkansas Division of Emergency Management said crews were sent.",
         ["Whitacre Glen", "Levinson-Tal Noa", "Le Parisien",
          "Arkansas Division of Emergency Management"]),
        # a state after "in <City>," is the place, not the speaker; a name after "in X," is not
        ("Kyle Brandt, a meteorologist with the weather service's office in Memphis, "
         "Tennessee, said a team would go. UNHCR's representative in Germany, Katharina "
         "Lindemann, said in a statement that rules apply.",
         ["Brandt Kyle", "Lindemann Katharina"]),
        # "called for", "called on … to", "urged" are statements; "called on Monday" is not
        ("Human Rights Watch called for his release. The UN refugee agency UNHCR called on "
         "Berlin to ensure access. Transport Minister Élodie Marchand urged both sides to talk. "
         "Acme Corp called on Monday. The Tigers called off the game.",
         ["Human Rights Watch", "UNHCR", "Marchand Élodie"]),
        # a county prosecutor's title; figures released some time before by a source
        ("Franklin County Prosecutor Megan Stroud said bail was too low. The deficit was "
         "$1bn, figures released earlier this month by the Pakistan Bureau of Statistics (PBS) "
         "showed.", ["Stroud Megan", "Pakistan Bureau of Statistics"]),
        # an acronym defined inside the title before a name is the title's organisation
        ("All India Congress Committee (AICC) general secretary Rajiv Khurana wrote on X that "
         "the pact held.", ["Khurana Rajiv"]),
        # a report whose release stands between it and its author
        ("A report released in January by the Canadian Institute for Health Information "
         "found that overtime rose. A report published on Monday by Global Witness found "
         "imports rose.", ["Canadian Institute for Health Information", "Global Witness"]),
        # --- blind batch 15 (fixtures 95-100) ---
        # bulleted sentences are prose (Axios); a bulleted headline is a link, not a source
        ("  • BIS said in the notice that lidar units collect data.\n"
         "  • Typhoon leaves 12 dead in central Philippines, officials say\n",
         ["BIS"]),
        # "but said" like "and said"; a short label before the subject ("What they're saying:")
        ("What they're saying: Sen. Tom Harlan (R-Ohio), who introduced a bill, welcomed the "
         "move but said it “should have come years ago.”", ["Harlan Tom"]),
        # "per" as "according to", after a comma; "&" inside a name; not "per cent"
        ("Chinese firms shipped 71% of units, per estimates from market research firm Yole "
         "Group. The team is 31-17, per ESPN Stats & Information research. Prices rose 4 per "
         "cent.", ["Yole Group", "ESPN Stats & Information"]),
        # the speaker after a quotation, then a comma, then the role: '…,” Name, CEO of X,'
        ("“We can double capacity,” Rachel Amsel, CEO of Michigan-based Sentry Optics, told "
         "Axios.", ["Amsel Rachel"]),
        # "found that" reports a finding (not "found the body"); "NGO" names a kind of body;
        # a month is no speaker ("… published in January found that …")
        ("An analysis by Indonesian NGO Kawal Pesisir found that 1,900 hectares were cleared. "
         "Police found the body on Monday. A study published in January found that 118 "
         "factories closed.", ["Kawal Pesisir"]),
        # figures published some time before by a body; "Mission to" and "Office on" in names
        ("According to figures published in January by the OSCE Mission to Bosnia and "
         "Herzegovina, 250 cases remain. A 2023 report by the United Nations Office on Drugs "
         "and Crime (UNODC) found that mining grew.",
         ["OSCE Mission to Bosnia and Herzegovina", "United Nations Office on Drugs and Crime"]),
        # a pronoun opening a sentence: the surname opening the sentence before, full name
        # known; a title alone or a capitalised common noun is not that
        ("Sacramento Kings guard Marcus Tillery is out, sources said.\n\nTillery addressed the "
         "injury in a post.\n\n“Setback for a comeback,” he wrote.", ["Tillery Marcus"]),
        # a stock ticker after a company name (Globe and Mail style)
        ("Groupe Laurentien Inc. GLN-T reported a drop in profit, the company said.",
         ["Groupe Laurentien Inc."]),
        # South Asian police ranks are titles
        ("Nepal Police mobilised 2,300 personnel, spokesperson DIG Dinesh Raj Pokharel said.",
         ["Pokharel Dinesh Raj"]),
        # a predicate between commas is no description of a subject before it
        ("The Araniko Highway, the main road link to the border, will remain closed for two "
         "days, said Sunil Ghimire, chief of the Division Road Office.", ["Ghimire Sunil"]),
        # "<Org> in <Place>" speaks, not the place; workers at a body are unnamed people
        ("The Nigerian Medical Association (NMA) in Ondo State, however, described the "
         "response as “reactive”. But health workers at the Federal Medical Centre (FMC), Owo, "
         "which runs the centre, say the facility is overstretched.",
         ["Nigerian Medical Association"]),
        # "the ministry" / "the court" after "Ministry of …" / "Court of …" was named
        ("The Ministry of Home Affairs has directed offices to stand by, according to a "
         "statement issued by the ministry. The Court of Bosnia and Herzegovina on Thursday "
         "convicted him. The court also found that he ordered the detentions.",
         ["Ministry of Home Affairs", "Court of Bosnia and Herzegovina"]),
        # --- blind batch 16 (fixtures 101-106) ---
        # "concluded that", "estimated that", "recommends" + a gerund (not "an estimated")
        ("The Intergovernmental Panel on Climate Change has concluded that nights warmed. The "
         "UK Health Security Agency estimated that 3,000 died. The World Health Organization "
         "recommends keeping rooms cool. An estimated 3,000 people died. Doctors recommended "
         "surgery.",
         ["Intergovernmental Panel on Climate Change", "UK Health Security Agency",
          "World Health Organization"]),
        # a gloss in another script or a description in parentheses before the cue
        ("“Nine years,” prosecutor Tsai Ming-hung (蔡明宏) told reporters. Wu was promised a "
         "job, the Liberty Times (the Taipei Times' sister newspaper) reported.",
         ["Tsai Ming-hung", "Liberty Times"]),
        # "the court" after a name with "and" inside; "branch" heads a name
        ("The Intellectual Property and Commercial Court sentenced him. The Intellectual "
         "Property Branch of the Taiwan High Prosecutors' Office said the files were worth "
         "billions. The court said the sentence was fair.",
         ["Intellectual Property Branch of the Taiwan High Prosecutors' Office",
          "Intellectual Property and Commercial Court"]),
        # "flash estimates released by"; a party tag with a two-word town, no parentheses
        ("Activity grew, according to flash estimates released by the General Authority for "
         "Statistics. State Sen. Troy Hollis, R-Dripping Springs, wrote on X that it was "
         "wrong.", ["General Authority for Statistics", "Hollis Troy"]),
        # "National"/"Federal" open organisations unless a title follows; "Councillor" is a
        # title; a seat of government is vague
        ("National Highways said the bridge was shut. The Federal Reserve said rates held. "
         "National Security Adviser Jake Sullivan said talks went well. Councillor Huw "
         "Tudor-Evans said residents were patient. Downing Street said the PM was briefed.",
         ["National Highways", "Federal Reserve", "Sullivan Jake", "Tudor-Evans Huw"]),
        # "did not want to be named"; a capitalised common noun that also stands in lower case
        ("One driver stuck near Newport, who did not want to be named, told Sky News it was "
         "slow. Developers say the rule is harsh. The rule will push developers away.", []),
        # --- blind batch 17 (fixtures 107-112) ---
        # unnamed people "in <place>", or before a relative clause, are not the place
        ("Police in Nagano Prefecture say roads are shut. A man who runs a guesthouse in "
         "Karuizawa told NHK that guests left. He said member pharmacists in Metro Manila and "
         "Cebu had reported returns. East Japan Railway says trains run.",
         ["East Japan Railway"]),
        # a name with a comma inside, in an appositive; "doubts that"
        ("Jean-Louis Coste, an economist at the National Research Institute for Agriculture, "
         "Food and Environment (INRAE) in Montpellier, doubts that the scheme will work.",
         ["Coste Jean-Louis"]),
        # "Confederation" heads a name; Spanish "por" inside a party's name before a title;
        # "Town of …" is a body; the Filipino "Ma." does not end a sentence
        ("The General Labour Confederation (CGT) said in a statement that wages lag. Unión "
         "por la Patria deputy Natalia Ledesma accused the government. She said it was a "
         "farce. The Town of Clayton posted on Facebook that flags would fly at half-staff. "
         "FDA Director General Ma. Cecilia Dimaculangan said batches were recalled.",
         ["General Labour Confederation", "Ledesma Natalia", "Town of Clayton",
          "Dimaculangan Ma. Cecilia"]),
        # --- blind batch 18 (fixtures 113-118) ---
        # a quotation's own "said" is the speaker's words; "results published by";
        # "quoted by X as saying"
        ("Léa Moser said Geneva voted yes. “Geneva said yes loud and clear,” she said. Turnout "
         "was 45%, according to provisional results published by the Federal Chancellery. "
         "The councillor was quoted by Bernama as saying the premises were sealed.",
         ["Moser Léa", "Federal Chancellery", "Bernama"]),
        # the Swedish particle "af"; a capitalised stop word inside a name; Malaysian and
        # sporting titles
        ("Defenceman Oskar af Forselles said the room was silent. “It will hurt,” af Forselles "
         "said. “It is thin,” said Assoc Prof Dr Nor Azura Ismail, a researcher at Universiti "
         "Putra Malaysia.", ["Forselles Oskar", "Ismail Nor Azura"]),
        # a name with a comma inside, after a relative clause went; "Air Selangor"
        ("Air Selangor said supply was restored. An official of the Ministry of Trade, "
         "Agribusiness and Industry, who spoke at the ceremony, said support would grow.",
         ["Air Selangor", "Ministry of Trade Agribusiness and Industry"]),
    ],
)
def test_blind_set_constructions(text: str, expected: list[str]) -> None:
    """Constructions the blind fixtures 17-118 first missed or got wrong."""
    named = [r for r in sources(text) if not r.anonymous]
    assert [display(r).strip() for r in named] == expected


def test_vietnamese_later_mention_uses_last_given_name() -> None:
    text = ("Vu Thi Lan Anh, a lecturer at Vietnam National University, said the case was rare. "
            "Anh added that courts were slow.")
    (ref,) = sources(text)
    assert (ref.names["author"][0].family, ref.names["author"][0].given) == ("Vu", "Thi Lan Anh")
    assert [e.cue for e in ref.evidence] == ["say", "add"]


def test_coordinated_speakers_split() -> None:
    text = ("Senate Majority Leader Harold Brennan and Minority Leader Kathleen Moss said the "
            "bill would pass. The Ministry of Trade and Industry said exports rose.")
    assert [display(r) for r in sources(text)] == [
        "Brennan Harold", "Moss Kathleen", "Ministry of Trade and Industry"]


def test_pseudonym_and_mentioned_report_are_not_named_sources() -> None:
    text = ("A soldier near Kupiansk, who gave only his call sign, Bizon, told the BBC the "
            "assaults were smaller. Lopez said the models used in the last assessment by the "
            "Intergovernmental Panel on Climate Change were too coarse.")
    refs = sources(text)
    assert [r.anonymous for r in refs if "Bizon" in display(r)] == [True]
    assert not any("Intergovernmental" in display(r) for r in refs)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Lin Jian told reporters the claims were groundless.", "tell"),
        ("Yuki Tatsumi explained that Beijing was testing Japan.", "explain"),
        ("Iranian Foreign Minister Hossein Amir-Abdollahian announced on Sunday that Tehran "
         "would respond.", "announce"),
        ("Defense Minister Wellington Koo stated last month that ships were tracked.", "state"),
        ("Kelsey Davenport wrote on X that the expansion was dangerous.", "write"),
        ("Mohsen Naziri Asl denied that Tehran was seeking a weapon.", "deny"),
        ("Hassan Nasrallah claimed in a televised speech that the group was ready.", "claim"),
        ("Jenny Town noted that Pyongyang had ignored overtures.", "note"),
        ("Janet Yellen warned last week that banks could face sanctions.", "warn"),
        ("“We will act,” Celeste Wallander testified.", "testify"),
    ],
)
def test_cue_verbs(text: str, cue: str) -> None:
    (ref,) = sources(text)
    assert ref.evidence[0].cue == cue
    assert not ref.anonymous


def test_told_reuters_is_interviewer_not_source() -> None:
    (ref,) = sources("IAEA Director General Rafael Grossi told Reuters that inspectors lost track.")
    assert display(ref) == "Grossi Rafael"
    assert ref.names["interviewer"][0].literal == "Reuters"


def test_surname_and_continued_link_to_full_name() -> None:
    text = (
        "On Wednesday, Kim Yo-jong, vice department director of the Central Committee, "
        "criticized the drills.\n“This is provocation,” Kim said in a statement.\n"
        "“We will respond,” Kim continued.\nRubin says nothing here."
    )
    refs = sources(text)
    kim = refs[0]
    assert display(kim) == "Kim Yo-jong"
    assert [e.cue for e in kim.evidence] == ["say", "continue"]
    assert dict(kim.extra)["role"].startswith("vice department director")
    assert kim.evidence[1].text == "We will respond"


def test_acronyms_merge_defined_and_implicit() -> None:
    text = (
        "North Korea sent a delegation, the state-run Korean Central News Agency (KCNA) "
        "announced Wednesday.\nThe trip is rare, KCNA added.\n"
        "The National Intelligence Service said it was watching.\n“We track it,” the NIS said."
    )
    refs = sources(text)
    assert [display(r) for r in refs] == ["Korean Central News Agency",
                                          "National Intelligence Service"]
    assert [len(r.evidence) for r in refs] == [2, 2]


def test_report_is_report_with_year() -> None:
    (ref,) = sources("The missile was copied, according to a 2019 report by the U.S. Defense "
                     "Intelligence Agency.")
    item = to_csl_item(ref, "dia2019")
    assert item["type"] == "report"
    assert item["author"] == [{"literal": "U.S. Defense Intelligence Agency"}]
    assert item["issued"] == {"date-parts": [[2019]]}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea sold missiles to Tehran, intelligence sources said.",
        "A Japanese newspaper reported recently that ten Iranians attended.",
        "A South Korean military expert, who asked not to be quoted by name, said he heard it.",
        "Military analysts say the rockets were not used.",
    ],
)
def test_vague_sources_are_anonymous(text: str) -> None:
    result = extract_attributions(text)
    (ref,) = result.references
    assert ref.anonymous
    assert [d.code for d in result.diagnostics] == ["CN601"]
    hidden = extract_attributions(text, include_anonymous=False)
    assert hidden.references == ()
    assert all(d.dropped for d in hidden.diagnostics) and hidden.candidates == 1


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang and Tehran are accused of providing weapons as the war continues.",
        "Iran added 300 centrifuges at the site last year.",
        "It has further been reported that the missile was developed abroad.",
        "Some experts raised the possibility of cooperation.",
    ],
)
def test_non_attributions_are_not_candidates(text: str) -> None:
    result = extract_attributions(text)
    assert result.candidates == 0 and result.references == ()


def test_unresolved_pronoun_is_dropped_diagnostic() -> None:
    result = extract_attributions("He said the talks had failed.")
    assert result.candidates == 1
    assert [(d.code, d.dropped) for d in result.diagnostics] == [("CN602", True)]


def test_relative_dates_resolve_against_article_date() -> None:
    text = ("Some headline about talks here\n\nTime:2024-05-22 06:00:00\n\n"
            "Matthew Miller, a U.S. State Department spokesperson, said last Tuesday that "
            "the United States was concerned about the cooperation between the two.\n")
    ref = sources(text)[0]
    assert ref.dates["issued"].parts == ((2024, 5, 14),)
    assert resolve("in April", dt.date(2024, 2, 1)).parts == ((2023, 4),)
    assert resolve("last Tuesday", None).raw == "last Tuesday"


def test_metadata_byline_editor_suffix_timestamp() -> None:
    text = (
        "Menu Login - Register - Sitemap - Help\n"
        "Vietnam detains blogger — Radio Free Asia\n"
        "Time:2024-03-20 10:15:03 source:Daily Digest news portal\n"
        + "Police arrested a blogger who criticized the government over land disputes in a "
        "province north of the capital, state media said on Wednesday.\n" * 2
        + "Edited by Malcolm Foster.\n"
    )
    meta = read_metadata(text)
    assert (meta.headline, meta.publication) == ("Vietnam detains blogger", "Radio Free Asia")
    assert meta.anchor == dt.date(2024, 3, 20) and meta.source == "Daily Digest news portal"
    assert meta.editors[0].family == "Foster"
    caps = read_metadata("Headline of the day here\n\nBY PARK SOO-JIN [park@x.kr]\n")
    assert (caps.authors[0].family, caps.authors[0].given) == ("Park", "Soo-jin")


def fixture_texts() -> list[Path]:
    return sorted(FIXTURES.glob("[0-9]*.txt"))


@pytest.mark.parametrize("path", fixture_texts(), ids=lambda p: p.name)
def test_fixture_nothing_lost_and_schema_valid(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "corpus" / "csl-data.json"
    result = extract_attributions(path.read_text(), str(path))
    evidence = sum(max(1, len(r.evidence)) for r in result.references)  # article: 1
    dropped = sum(1 for d in result.diagnostics if d.dropped)
    assert result.candidates == evidence + dropped > 0
    items = [to_csl_item(r, f"k{i}") for i, r in enumerate(result.references)]
    assert result.references[0].origin == "article"
    if schema_path.exists():
        jsonschema.validate(items, json.loads(schema_path.read_text()))
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text())
    title = gold["article"]["title"]
    assert result.references[0].get("title") == title


def test_seeds_when_present() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"shared seeds not present at {seeds}")
    gold = json.loads((FIXTURES / "seeds.gold.json").read_text())
    for name, expected in gold.items():
        result = extract_attributions((seeds / name).read_text(), name)
        named = {display(r) for r in result.references
                 if r.origin == "attribution" and not r.anonymous}
        assert len(named) == len(expected["sources"]), (name, named)
        evidence = sum(max(1, len(r.evidence)) for r in result.references)  # article: 1
        assert result.candidates == evidence + sum(d.dropped for d in result.diagnostics)


def test_named_source_precision_and_recall_targets() -> None:
    """Issue 3's bar, on the project's own fixtures (and the seeds when ../shared is there):
    precision >= 0.95 and recall >= 0.90 of named sources, scored as the benchmark does."""
    total = Score()
    for _, text, gold in cases():
        total.add(score(text, gold)[0])
    assert total.gold >= 100
    assert total.precision >= 0.95 and total.recall >= 0.90, (total.precision, total.recall)


@pytest.mark.parametrize("seed", range(4))
def test_cue_matches_equal_unicode_cue_search(seed: int) -> None:
    """The stdlib-re cue search with ASCII boundaries gives exactly CUE.finditer's matches,
    next to accented letters, combining marks, superscripts, other scripts and digits too."""
    import random

    from citenorm.attribution.cues import CUE, cue_matches

    rnd = random.Random(seed)
    pieces = ["said", "says", "saying", "told", "added", "adds", "wrote", "noted", "denies",
              "sai", "é", "\u0301", "²", "ß", "д", "_", "1", "a", " ", "“", "’", "-", "\n"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(12)))
        got = [(m.span(), m.group("verb")) for m in cue_matches(text)]
        assert got == [(m.span(), m.group("verb")) for m in CUE.finditer(text)], text


def test_comma_chunks_equal_reverse_regex() -> None:
    """scan.chunks_rev (rfind) gives the spans of the reverse chunk pattern it replaces."""
    import importlib
    import random

    scan_module = importlib.import_module("citenorm.attribution.scan")
    rnd = random.Random(5)
    pieces = [",", "1", "٣", "²", "a", " ", "Kim", "x" * 290, "\n", ",,", "9,0"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(14)))
        hi = rnd.randrange(len(text) + 1)
        lo = rnd.randrange(hi + 1)
        expected = [m.span() for m in scan_module._CHUNK_REV.finditer(text, lo, hi)]
        assert list(scan_module.chunks_rev(text, lo, hi)) == expected, (text, lo, hi)


def test_lower_ok_fast_path_equals_pattern_on_every_code_point() -> None:
    """phrases._lower_ok decides all-letter words by str.isalpha; the pattern it stands
    for must agree on every code point (alone and after a letter)."""
    import importlib
    import sys

    phrases = importlib.import_module("citenorm.attribution.phrases")
    for cp in range(0, sys.maxunicode + 1, 3):
        for word in (chr(cp), "a" + chr(cp)):
            expected = word.lower() not in phrases.STOP and bool(phrases._WORDLIKE.match(word))
            assert phrases._lower_ok(word) == expected, hex(cp)
    assert phrases._lower_ok("x" * 41) and not phrases._lower_ok("x" * 42)


def test_resolve_never_raises_on_case_insensitive_oddities() -> None:
    """Month and weekday names matched case-insensitively through characters such as "ſ"
    and "İ" still map to their month and weekday (this raised KeyError before)."""
    import random

    rnd = random.Random(3)
    anchor = dt.date(2024, 5, 1)
    words = ["ſept.", "SEPT.", "FRİDAY", "laſt", "last", "this", "Sunday", "ſunday", "year",
             "month", "in", "2023", "3", "March", ",", "yesterday", "June 31"]
    for _ in range(3000):
        phrase = " ".join(rnd.choice(words) for _ in range(rnd.randrange(1, 5)))
        resolve(phrase, anchor)  # must not raise
    assert resolve("ſept. 3", anchor).parts == ((2023, 9, 3),)
    assert resolve("laſt FRİDAY", anchor).parts == ((2024, 4, 26),)


@pytest.mark.parametrize(
    ("head", "place", "wire"),
    [
        ("WASHINGTON -- Iran's drone industry still depends on parts, an official said.",
         "WASHINGTON", ""),
        ("SEOUL, March 14 (Yonhap) -- North Korea fired a missile, the JCS said.", "SEOUL",
         "Yonhap"),
        ("NEW DELHI: The government will introduce a bill, the minister said.", "NEW DELHI", ""),
        ("KENDARI, Indonesia, Oct 18, 2025 (AFP) - A ferry capsized, the agency said.",
         "KENDARI, Indonesia", "AFP"),
    ],
)
def test_dateline_after_headline_and_byline(head: str, place: str, wire: str) -> None:
    """The dateline opens the first paragraph, wherever that is (this only worked when the
    dateline was the very first line of the text)."""
    text = f"Headline about the matter at hand\n\nBy JANE DOE\n\n{head}\n\n" + "Body text. " * 30
    meta = read_metadata(text)
    assert (meta.dateline, meta.publication if wire else "") == (place, wire)


def test_testifying_setting_marks_a_speech_mid_text() -> None:
    """"Testifying before …, X said" is a speech wherever the sentence stands."""
    text = ("The hearing ran long. Testifying before the Senate Armed Services Committee, "
            "Assistant Secretary of Defense Celeste Wallander confirmed that parts were traced.")
    (ref,) = sources(text)
    assert ref.csl_type == "speech"


def test_with_phrase_is_a_subject_of_a_participle_but_an_object_of_said() -> None:
    """"who spoke to The Straits Times said": the outlet is spoken to, the commuters speak;
    "with Ukrainian officials saying that": the officials speak (both anonymous, but kept)."""
    (ref,) = sources("Several commuters who spoke to The Straits Times said trains were late.")
    assert ref.anonymous and ref.names["author"][0].literal == "Several commuters"
    (ref,) = sources("Iran sent drones, with Ukrainian officials saying that 3,700 were launched.")
    assert ref.anonymous and ref.names["author"][0].literal == "Ukrainian officials"


def test_bare_names_without_a_person_behind_them_are_organisations() -> None:
    """News introduces people by their full name first: a bare capitalised word that never
    meets a full name, a title or a role is an organisation ("Eskom said"); a short form of
    an organisation named before is that organisation; a titled surname stays a person."""
    text = ("Eskom said supply would resume. Harrowgate Group said it cut its forecast. "
            "Harrowgate said demand held. Mr Tanaka said he was surprised. WHO "
            "Director-General Tedros Adhanom Ghebreyesus struck a similar note. Tedros said "
            "cases rose.")
    refs = {display(r): r for r in sources(text)}
    assert list(refs) == ["Eskom", "Harrowgate Group", "Tanaka ", "Ghebreyesus Tedros Adhanom"]
    assert dict(refs["Eskom"].extra)["source-kind"] == "organization"
    assert refs["Eskom"].csl_type == "document"
    assert [e.cue for e in refs["Harrowgate Group"].evidence] == ["say", "say"]
    assert dict(refs["Tanaka "].extra)["source-kind"] == "person"
    assert dict(refs["Ghebreyesus Tedros Adhanom"].extra)["role"] == "WHO Director-General"
