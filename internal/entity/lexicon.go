package entity

import (
	_ "embed"
	"strings"
)

// Word lists. All entries are folded (lower case, ASCII quotes). They are
// read-only after package initialisation.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

// titleWords are heads of titles and roles that precede or describe a
// person: "CIA Director William Burns", "the spokesperson".
var titleWords = set(`president vice-president director chief head leader minister secretary spokesperson
spokesman spokeswoman ambassador envoy governor senator representative congressman congresswoman
general admiral colonel major captain lieutenant sergeant commander adviser advisor chairman chairwoman
chair ceo founder king queen prince princess emperor pope ayatollah cleric judge justice mayor
premier chancellor diplomat negotiator official officer deputy attorney prosecutor sheriff
candidate nominee speaker whip mp lawmaker correspondent analyst economist professor dr
commissioner inspector superintendent administrator coordinator counselor counsellor strategist
pastor rabbi imam bishop cardinal reverend rev sheikh emir sultan
sen rep gov gen lt col maj capt adm cmdr sgt supt det atty amb sec pres`)

// honorifics precede a person's name and are not part of it.
var honorifics = set(`mr mrs ms miss dr prof sir dame lord lady mr. mrs. ms. dr. prof. sen. rep. gov. gen.
lt. col. maj. capt. adm. sgt. rev. atty.`)

// orgHeads are words that make a capitalised phrase an organisation.
var orgHeads = set(`agency ministry department council committee party commission organization organisation
university institute college school news times post journal press tribune herald gazette
company corp corporation inc ltd llc group bank court congress senate parliament assembly army navy
forces force guard police union association foundation fund network service services office bureau
board authority administration government cabinet campaign club league federation alliance
coalition center centre hospital church mission embassy consulate station channel magazine
television radio tv broadcasting media review telegraph observer guardian monitor reuters
legislature caucus secretariat directorate command corps brigade regiment division federation
reserve exchange airlines airways motors industries holdings partners capital labs republic nations`)

// orgNames are organisations commonly named without a head word.
var orgNames = set(`white_house kremlin pentagon congress nato opec interpol hezbollah hamas taliban
al-qaeda isis isil daesh reuters bloomberg politico breitbart vox axios buzzfeed facebook twitter
google apple amazon microsoft youtube instagram tiktok netflix irgc wall_street`)

// places are countries, capitals, large cities, US states and regions.
var places = set(`afghanistan albania algeria angola argentina armenia australia austria azerbaijan
bahrain bangladesh belarus belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada
chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia
finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia
iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan
laos latvia lebanon libya lithuania luxembourg macedonia madagascar malaysia mali malta mexico
moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger
nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar
romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay
uzbekistan venezuela vietnam yemen zambia zimbabwe britain england scotland wales uk u.k. us u.s.
usa u.s.a. america united_states united_kingdom north_korea south_korea south_africa saudi_arabia
new_zealand sri_lanka gaza crimea donbas kurdistan tibet hong_kong
europe asia africa antarctica oceania middle_east latin_america gulf persian_gulf west east
balkans caucasus scandinavia arctic pacific atlantic mediterranean
tehran moscow washington beijing london paris berlin kyiv kiev damascus baghdad beirut cairo
riyadh ankara istanbul jerusalem tel_aviv kabul islamabad delhi new_delhi mumbai tokyo seoul
pyongyang brussels geneva vienna rome madrid warsaw minsk tashkent samarkand doha dubai
abu_dhabi baku yerevan tbilisi ottawa toronto sydney havana caracas mexico_city brasilia
new_york los_angeles chicago houston miami boston philadelphia atlanta seattle dallas detroit
san_francisco las_vegas denver phoenix cleveland toledo charlotte orlando tampa baltimore
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico north_carolina
north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota tennessee
texas utah vermont virginia west_virginia wisconsin wyoming`)

// placeAliases maps variant spellings of a place to one canonical name.
var placeAliases = map[string]string{
	"us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
	"america": "United States", "united states": "United States", "united states of america": "United States",
	"uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
	"united kingdom": "United Kingdom", "kiev": "Kyiv", "burma": "Myanmar",
	"islamic republic of iran": "Iran", "islamic republic": "Iran", "russian federation": "Russia",
	"people's republic of china": "China", "soviet union": "Soviet Union", "ussr": "Soviet Union",
}

// placeHeads make a capitalised phrase a place; eventHeads make it
// neither a person nor a place ("Iran-Iraq war", "Paris Agreement").
var placeHeads = set(`street avenue square palace river sea ocean mountain mountains island islands
province county region city valley bay lake desert peninsula strait empire airport port`)

var eventHeads = set(`war revolution act treaty accord agreement summit charter convention games cup
day week month prize award deal plan program programme initiative doctrine`)

// timeWords are capitalised words of dates.
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec christmas easter ramadan`)

// demonyms that do not derive regularly from a place name.
var demonyms = set(`british french dutch swiss greek turkish polish spanish danish swedish finnish irish
scottish welsh english israeli saudi yemeni kurdish western eastern northern southern european african
asian arab arabic persian soviet islamic muslim christian jewish shia shiite sunni latino hispanic
republican democratic democrat republicans democrats`)

// connectors may join capitalised words inside an organisation's name
// when they follow one of its head words ("Council on Foreign Relations").
var connectors = set(`of on for and`)

// particles are lower-case parts of personal names.
var particles = set(`al bin ibn de del della der van von da di du la le bint abu`)

//go:embed common.txt
var commonText string

// common holds words mostly written in lower case mid-sentence in news
// text, learned from the PolNeAR training texts: a capitalised common word
// at a sentence start is not a name.
var common = set(commonText)

//go:embed firstnames.txt
var firstNamesText string

// firstNames holds given names learned from the PolNeAR training texts
// (the first word of two-word names whose second word recurs alone with
// an honorific or a speech verb) plus a short list of international names.
var firstNames = set(firstNamesText + " " + commonFirstNamesText)

// commonFirstNamesText is a short hand-made list of frequent given names,
// to complement the learned list.
const commonFirstNamesText = `james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan
juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis mary patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria
kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
mohammed mohammad muhammad ahmed ahmad ali hassan hussein hossein mahmoud omar abdullah ibrahim
ebrahim mustafa khalid yusuf hamid reza mehdi javad amir fatima aisha vladimir sergei sergey dmitry
alexei alexey igor nikolai mikhail olga natalia yulia volodymyr petro xi li wang zhang liu chen
emmanuel angela olaf boris recep narendra jair andres luiz benjamin naftali yair shinzo fumio
kim moon justin jacinda rishi keir liz theresa`
