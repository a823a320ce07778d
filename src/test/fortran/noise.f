c     VOACAP's receiver noise: ANOIS1 (the 1 MHz atmospheric noise of the two local time blocks at the
c     receiver, local time from GEOTIM's CNGTIM) and GENOIS (atmospheric, galactic and man-made noise at a
c     frequency and their combined distribution), coefficients read from the ASCII files as REDMAP reads them,
c     man-made noise as the SYSTEM card's 150 (-150 dBW/Hz at 3 MHz). The F2 critical frequency of the last
c     sample area, below which galactic noise is ignored, is set per hour: 3 + 0.5 * hour MHz. Receivers:
c     the reference's four, and Kinshasa and Lima for the southern hemisphere, west longitudes and the tropics'
c     strong atmospheric noise, where Caruana's limit (method 1) applies.
      program rxnois
      common /c_noises/ xn_atnos,xn_galactic,xn_mmn
      common /c_method_used/ method_used
      COMMON / ALPHA / IMON(12), ITRAN(2), IRCVR(2), LBMAP(2), MODE(13),
     A MODER(13), ITLAT, ITLONG, IRLAT, IRLONG, IRLATU, IRLONGU, NYEAR
      CHARACTER IMON*3, NYEAR*5, ITRAN*10, IRCVR*10, LBMAP*10, ITLAT*1,
     A ITLONG*1, IRLAT*1, IRLONG*1, IRLATU*1, IRLONGU*1, MODE*2, MODER*2
      COMMON /CON /D2R, DCL, GAMA, PI, PI2, PIO2, R2D, RZ, VOFL
      COMMON /DON /ALATD, AMIN, AMIND, BTR, BTRD, DLONG, DMP, ERTR, GCD,
     1 GCDKM, PMP, PWR, TLAT, TLATD, TLONG, TLONGD, RSN, SIGTR, RLAT,
     2 RLATD,RLONG,RLONGD,BRTD,FLUX,ULAT,ULATD,ULONG,ULONGD,SSN,D90R,
     3 D50R,D10R,D90S,D50S,D10S
      COMMON/ANOIS/ATNU,ATNY,CC,TM,RCNSE,DU,DL,SIGM,SYGU,SYGL,KJ,JK
      COMMON/FRQ/FREA(13),FREL(29),FREQ,JMODE,ITXRCP(2)
      COMMON / ION / IHRE, IHRO, IHRS, LUFP, METHOD, NOISE, NPSL
      COMMON /RON /CLAT(5), CLONG(5), GLAT(5), RD(5), FI(3,5), YI(3,5),
     1HI(3,5), HPRIM(30,5), HTRUE(30,5), FVERT(30,5),KM,KFX, AFAC(30,5),
     2HTR(50,3), FNSQ(50,3)
      COMMON / TIME / IT, GMT, UTIME(24), GMTR, XLMT(24), ITIM, JTX
      COMMON / TWO / F2D(16,6,6), P(29,16,8), ABP(2,9), DUD(5,12,5),
     A FAM(14,12), SYS(9,16,6), PERR(9,4,6)
      dimension FAKP(29,16,6), FAKABP(2,6), IKIM(10,6)
      character name*60
      integer months(4)
      real rlats(6), rlons(6), freqs(9)
      data months/1,4,7,10/
      data rlats/39.02,41.80,41.40,40.10,-4.32,-12.05/
      data rlons/125.75,129.78,128.18,124.40,15.31,-77.04/
      data freqs/5.9,6.0,7.3,9.5,11.7,13.7,15.3,17.7,21.6/
      D2R=.01745329251
      R2D=57.29577951
      NYEAR=' 2026'
      NOISE=150
      KFX=1
      do 500 im=1,4
      month=months(im)
      write(name,'(a,i2.2,a)') '../shared/data/itshfbc/coeff',
     +   month,'.asc'
      open(19,file=name,status='old')
      read(19,98) name
      read (19,98) name
      read (19,97) IKIM
      read (19,98) name
      read (19,99) DUD
      read (19,98) name
      read (19,99) FAM
      read (19,98) name
      read (19,99) SYS
      read (19,98) name
      read (19,99) FAKP
      read (19,98) name
      read (19,99) FAKABP
      close(19)
97    format(10I5)
98    format(a)
99    format(6e15.8)
      F2D(1,1,1)=1.
      do 100 k=1,6
      ABP(1,k)=FAKABP(1,k)
      ABP(2,k)=FAKABP(2,k)
      do 100 j=1,16
      do 100 i=1,29
100   P(i,j,k)=FAKP(i,j,k)
      do 400 ir=1,6
      RLATD=rlats(ir)
      RLONGD=rlons(ir)
      RLAT=RLATD*D2R
      RLONG=RLONGD*D2R
      do 300 ih=1,24
      GMT=ih
      CKC=GMT
      DUMMY=RLONG*R2D
      CNGDAY=CNGTIM(CKC,DUMMY,1)
      GMTR=CKC
      CALL ANOIS1
      FI(3,1)=3.+0.5*ih
      do 200 jf=1,9
      FREQ=freqs(jf)
      CALL GENOIS
      write(*,'(i3,i2,i3,f6.2,f6.2,f9.5,2i2,2f10.4,9f11.5,i2)')
     +  month,ir,ih,freq,fi(3,1),gmtr,kj,jk,atnu,atny,xn_atnos,
     +  xn_galactic,xn_mmn,rcnse,du,dl,sigm,sygu,sygl,method_used
200   continue
300   continue
400   continue
500   continue
      end
c     isotropic receiving antenna: no efficiency
      SUBROUTINE GAIN(ITR,DELTA,FMC,RAIN,EFF)
      RAIN=0.
      EFF=0.
      END
